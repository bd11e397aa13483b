-- Every call of a quarter hour in one queue and tier added to the same call_rollup row made that
-- row a lock all call writers queued on (one transaction at a time, each holding it until its
-- durable commit), and under 50 calls/s the waiting writers held the connection pool that screen
-- pops are composed from (pop p90 from 16 ms to 656 ms in bench/run cti). The writer now spreads a
-- quarter hour's calls over 8 rows by call record id; the reports sum the rows of a slot as
-- before, and a rebuild writes shard 0 (ADR 0023, amended).
alter table call_rollup add column shard smallint not null default 0
  check (shard >= 0 and shard < 8);
alter table call_rollup drop constraint call_rollup_pkey;
alter table call_rollup add primary key (grain, slot, agent_id, queue, tier, shard);
