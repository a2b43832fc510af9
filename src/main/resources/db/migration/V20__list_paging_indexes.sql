-- The staff pages read one page at a time, in the database's order (issue 12); these indexes let it find a page
-- without sorting the whole table.

-- The requests list: most recent first, the id breaking ties (RequestDirectory.page).
create index dsr_request_received on dsr_request (received_at, id);
-- A system owner's list: only the request types their systems take part in, most recent first.
create index dsr_request_type_received on dsr_request (request_type, received_at, id);

-- The inbox: Camunda's open tasks by due date, then creation time and id (InboxQueries.byDueDate). Camunda's own
-- scripts (migration 17) index the creation time but not the due date.
create index rf_task_due on ACT_RU_TASK (DUE_DATE_, CREATE_TIME_, ID_);
