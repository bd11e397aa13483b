-- A churn snapshot in one row: the customers at risk and their two counts as arrays (in the order
-- of customer_ids). Writing a few thousand rows of churn_snapshot_customer, with their keys and
-- foreign keys, took as long as counting the contacts (about 45 ms of a first request's 145 ms on
-- the bench); one row takes well under a millisecond. A customer deleted since drops out of the
-- list by the join with customer. The snapshots are a cache: the ones kept are dropped here and
-- computed again on their next request (ADR 0023, amended).
drop table churn_snapshot_customer;
delete from churn_snapshot;
alter table churn_snapshot
  add column customer_ids bigint[] not null,
  add column before integer[] not null,
  add column recent integer[] not null;
