-- Rate limits take a transaction-scoped advisory lock per bucket (limits/DatabaseBuckets): one transaction per check
-- of a bucket that exists, two for a new one (three before). The lock id (the key's hash) is kept beside the row so that
-- the purge of expired rows can lock each one the same way. Rows written before carry no lock id and would never be
-- purged: they are dropped, which refills every budget once, at the upgrade, as a restart of a single node does.
delete from rate_limit_bucket;
alter table rate_limit_bucket add column explicit_lock bigint;
