-- The sla report's "now" tables (time to breach, at risk) read every open ticket (25,000 on the
-- bench) for any period: scattered over the ticket table they took a bitmap heap scan of tens of
-- milliseconds. This index answers both without visiting the tickets (ADR 0023, amended).
create index ticket_open_sla on ticket (status)
  include (first_response_warn_at, first_response_due_at, resolution_warn_at, resolution_due_at,
           team, assignee_id, product, customer_id)
  where status in ('NEW', 'OPEN', 'PENDING_CUSTOMER');

-- The customers report's churn rule counts each customer's inbound contacts in the 180 days before
-- the period's end (315,000 index entries on the bench, 180-350 ms) for a day as for a year. For an
-- end that has passed, those counts only change if a contact inside the window is written, changed
-- or removed later: the first request for such an end keeps the customers that meet the rule with
-- their counts (JdbiReportQueries.churnRisk), later requests read them, and the trigger below drops
-- a snapshot as soon as a contact in its window changes. Name, tier and value are read from the
-- customer at report time, as before. At most 50 ends are kept (the latest computed).
create table churn_snapshot (
  end_at       timestamptz primary key,
  computed_at  timestamptz not null
);

create table churn_snapshot_customer (
  end_at       timestamptz not null references churn_snapshot (end_at) on delete cascade,
  customer_id  bigint not null references customer (id) on delete cascade,
  before       integer not null,
  recent       integer not null,
  primary key (end_at, customer_id)
);
create index churn_snapshot_customer_customer on churn_snapshot_customer (customer_id);

create function churn_snapshot_drop() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    delete from churn_snapshot;
    return null;
  end if;
  if tg_op in ('DELETE', 'UPDATE') and old.direction = 'INBOUND' and old.customer_id is not null
  then
    delete from churn_snapshot
     where end_at > old.started_at and end_at <= old.started_at + interval '180 days';
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.direction = 'INBOUND' and new.customer_id is not null
  then
    delete from churn_snapshot
     where end_at > new.started_at and end_at <= new.started_at + interval '180 days';
  end if;
  return null;
end $$;

create trigger interaction_churn_snapshot
  after insert or delete or update of direction, customer_id, started_at on interaction
  for each row execute function churn_snapshot_drop();

create trigger interaction_churn_snapshot_truncate
  after truncate on interaction
  for each statement execute function churn_snapshot_drop();
