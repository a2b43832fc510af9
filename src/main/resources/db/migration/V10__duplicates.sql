-- A second open request of the same type from the same person is linked to the first and answered with it, not
-- carried out twice; staff can unlink it, and then it runs on its own.
alter table dsr_request add column duplicate_of varchar(32);
create index dsr_request_duplicate_of on dsr_request (duplicate_of);
