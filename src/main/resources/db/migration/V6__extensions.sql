-- An extension of the statutory period (GDPR Art. 12(3), CCPA §7021(b), PIPEDA s. 8(3)...): when, by whom, why, and
-- the due date it replaced. Null while the request has not been extended; a request is extended at most once.
alter table dsr_request add column original_due_date date;
alter table dsr_request add column extended_at timestamp with time zone;
alter table dsr_request add column extended_by varchar(100);
alter table dsr_request add column extension_reason varchar(2000);
