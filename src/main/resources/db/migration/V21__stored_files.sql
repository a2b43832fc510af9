-- Sealed files (access packages, staff uploads, what connectors found) in the database, so every node reads every
-- file (support/DatabaseFileStore; rightsflow.storage.kind: database). The bytes are already sealed (Tink streaming
-- AEAD, the id as associated data): a row of stored_files makes a file exist once all its chunks are written, in the
-- same transaction; chunks of 256 KiB are read one at a time.
create table stored_files (
    id          varchar(80)  primary key,
    size_bytes  bigint       not null,
    chunks      integer      not null,
    created_at  timestamp    not null
);

create table stored_file_chunks (
    file_id   varchar(80)  not null,
    chunk_no  integer      not null,
    content   bytea        not null,
    constraint stored_file_chunks_pk primary key (file_id, chunk_no)
);
