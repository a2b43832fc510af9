-- Job acquisition that reads only the jobs that are due (docs/operations.md, "Job acquisition").
-- The engine runs with jobExecutorAcquireByDueDate and ensureJobDueDateNotNull (application.yml): every job gets a
-- due date (an async continuation: its creation time), so the acquisition query asks "DUEDATE_ <= now" without
-- "or DUEDATE_ is null", in due-date order, and this index answers it by reading the due jobs only, not every timer
-- of every open request.
-- Jobs written before the setting came in may have no due date; without one they would never be acquired again.
update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp) where DUEDATE_ is null;

create index ACT_IDX_JOB_DUEDATE on ACT_RU_JOB(DUEDATE_);
