-- Every row is sealed now (V12.2): the clear columns go, and lookups by email use the keyed hash's index.
alter table dsr_request alter column subject_email_sealed set not null;
alter table dsr_request alter column subject_email_hash set not null;
alter table dsr_request alter column subject_name_sealed set not null;
drop index dsr_request_subject_email;
alter table dsr_request drop column subject_email;
alter table dsr_request drop column subject_name;
alter table dsr_request drop column subject_account_id;
alter table dsr_request drop column details;
create index dsr_request_subject_email_hash on dsr_request (subject_email_hash);

alter table request_message alter column body_sealed set not null;
alter table request_message drop column body;

alter table request_appeal alter column statement_sealed set not null;
alter table request_appeal drop column statement;
