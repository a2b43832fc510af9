-- The requests list searched by a subject's email (request.RequestSearchQuery), most recent first. With V12_3's
-- index on the hash alone PostgreSQL walked dsr_request_received backwards and filtered on the hash, reading
-- thousands of other people's rows for a page of 50 (docs/performance.md, "The searched list"). Leading with the
-- hash, this index serves every lookup the old one did (duplicates, the status page, erasure) and also reads the
-- page of one address in order.
create index dsr_request_email_received on dsr_request (subject_email_hash, received_at, id);
drop index dsr_request_subject_email_hash;
