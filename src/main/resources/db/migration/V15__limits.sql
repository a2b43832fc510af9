-- Rate limits shared by every node on PostgreSQL: one row per bucket, Bucket4j's own serialised state.
-- The id names the limit and a keyed hash of the client or subject address (never the address itself).
-- On H2 (one node) the buckets live in memory and this table stays empty.
create table rate_limit_bucket (
    id          varchar(200) primary key,
    state       bytea,
    expires_at  bigint
);

create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);

-- Staff sign-in back-off: consecutive failed passwords, and until when the account refuses every password.
alter table staff_user add column failed_logins int not null default 0;
alter table staff_user add column locked_until timestamp;
