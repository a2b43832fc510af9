-- Issue 10: which API key submitted a request, so a key with the scope read-own reads back only its own requests.
-- Requests from before (and from the forms and staff) have none: only read-all keys and privacy officers read them.
alter table dsr_request add column submitted_by_api_key varchar(64);

-- References are random now (ReferenceNumbers); the sequence that made them walkable is no longer used. The
-- references it handed out stay as they are, and the unique constraint on dsr_request.reference covers both kinds.
drop sequence dsr_reference_seq;
