-- A notice of delay (South Korea's PIPA, Singapore's PDPA: docs/legal-rules.md#delay-notice) is recorded like an
-- extension (original_due_date, extended_at, extended_by, extension_reason), with the date the business chose
-- instead of the law's longest period. This tells the two apart.
alter table dsr_request add column delay_notice boolean default false not null;
