-- The requests list's search (staff.RequestSearchForm, request.RequestSearchQuery). The reference (unique) and the
-- email hash (V12_3) are indexed already; the type order of a system owner's list has V20's index.

-- Sorted by due date, either way, the id breaking ties; and the "overdue only" and due-window filters, which ask
-- for a range of due dates.
create index dsr_request_due on dsr_request (due_date, id);
-- A status or a law with the default order (most recent first): the page is read from the index, not sorted.
create index dsr_request_status_received on dsr_request (status, received_at, id);
create index dsr_request_regime_received on dsr_request (regime, received_at, id);
