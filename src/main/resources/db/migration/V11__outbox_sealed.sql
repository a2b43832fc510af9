-- notification module: the outbox keeps its recipients and bodies sealed (FieldCipher), so the columns grow to
-- hold the cipher text; the deliverable body, with the message's links and codes, is a column of its own that is
-- emptied once the message is sent or finally failed, while "body" becomes the staff copy with labels in their place.
-- V11.1 (OutboxResealMigration, Java) seals the rows written before.
alter table outbox_message alter column recipient set data type varchar(1000);
alter table outbox_message alter column body set data type varchar(40000);
alter table outbox_message alter column last_error set data type varchar(2000);
alter table outbox_message add column deliverable_body varchar(40000);
