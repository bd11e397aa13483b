-- Churn counts are also kept for a period that has not ended yet (today, this week): the snapshot
-- counts the contacts started before it was computed, and a report adds those started since
-- (JdbiReportQueries.CHURN_KEPT). So a contact drops a snapshot only if it started before the
-- snapshot was computed (written late, changed or removed); for an end that had passed when it was
-- computed, every contact of its window did (ADR 0023, amended).
create or replace function churn_snapshot_drop() returns trigger language plpgsql as $$
begin
  if tg_op = 'TRUNCATE' then
    delete from churn_snapshot;
    return null;
  end if;
  if tg_op in ('DELETE', 'UPDATE') and old.direction = 'INBOUND' and old.customer_id is not null
  then
    delete from churn_snapshot
     where end_at > old.started_at and end_at <= old.started_at + interval '180 days'
       and old.started_at < computed_at;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.direction = 'INBOUND' and new.customer_id is not null
  then
    delete from churn_snapshot
     where end_at > new.started_at and end_at <= new.started_at + interval '180 days'
       and new.started_at < computed_at;
  end if;
  return null;
end $$;
