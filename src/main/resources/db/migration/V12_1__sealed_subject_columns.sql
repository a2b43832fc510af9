-- Personal data at rest (issue 10): the subject's email, name, account id and the request's details, the
-- clarification messages and the subject's appeal are kept sealed (Google Tink AEAD under rightsflow.secrets.data-keys,
-- one context per column; org.rightsflow.request.PersonalFields). Exact lookups by email go through a keyed hash
-- (HMAC-SHA256 under rightsflow.secrets.suppression-key, the same the opt-out ledger uses).
-- V12.2 (org.rightsflow.request.SubjectDataSealing, a Java migration: it needs the keys) seals the rows an earlier
-- version wrote in clear; V12.3 then drops the clear columns.
alter table dsr_request add column subject_email_sealed varchar(2000);
alter table dsr_request add column subject_email_hash varchar(64);
alter table dsr_request add column subject_name_sealed varchar(2000);
alter table dsr_request add column subject_account_id_sealed varchar(2000);
alter table dsr_request add column details_sealed varchar(70000);

alter table request_message add column body_sealed varchar(22000);

alter table request_appeal add column statement_sealed varchar(22000);
