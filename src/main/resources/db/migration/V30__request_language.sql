-- The language the subject reads (support.Languages, a BCP 47 tag): chosen in the privacy center or given to the
-- API, and used for every later message to that subject. Requests made before it were answered in English.
ALTER TABLE dsr_request ADD COLUMN language VARCHAR(16) DEFAULT 'en' NOT NULL;

-- The language each message was written in, sent as its Content-Language header.
ALTER TABLE outbox_message ADD COLUMN language VARCHAR(16) DEFAULT 'en' NOT NULL;
