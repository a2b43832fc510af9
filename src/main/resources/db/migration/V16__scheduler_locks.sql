-- One row per scheduled job (ShedLock): a node runs a job only while it holds the row's lock, so the morning digest,
-- the package expiry, the opt-out cuts and the scans run once per cluster, not once per node.
create table shedlock (
    name        varchar(64)   primary key,
    lock_until  timestamp     not null,
    locked_at   timestamp     not null,
    locked_by   varchar(255)  not null
);
