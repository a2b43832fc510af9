-- A request refused as a whole: on which ground, the reasons the subject is told, the evidence staff keep (GDPR Art.
-- 12(5): the controller bears the burden of showing a request is manifestly unfounded or excessive), and by whom.
alter table dsr_request add column refusal_ground varchar(32);
alter table dsr_request add column refusal_reasons varchar(4000);
alter table dsr_request add column refusal_evidence varchar(4000);
alter table dsr_request add column refused_by varchar(100);
