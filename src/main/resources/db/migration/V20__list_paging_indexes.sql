-- The staff pages read one page at a time, in the database's order (issue 12); these indexes let it find a page
-- without sorting the whole table.

-- The requests list: most recent first, the id breaking ties (RequestDirectory.page).
create index dsr_request_received on dsr_request (received_at, id);
-- A system owner's list: only the request types their systems take part in, most recent first.
create index dsr_request_type_received on dsr_request (request_type, received_at, id);

-- The inbox needs none: Camunda's task query counts the visible tasks anyway, and sorting the active ones by due
-- date for a page is a top-N sort of the task table (docs/performance.md). An index on Camunda's ACT_RU_TASK would
-- also make this migration depend on Camunda's tables, which plain Flyway runs of db/migration do not create.
