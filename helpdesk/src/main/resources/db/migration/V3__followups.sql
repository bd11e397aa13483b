-- Follow-ups (跟催): reminders that a matter handed over is chased by a named owner before a due
-- time. ticket_id stays a plain column here; the migration after the ticket table adds its FK.
create table follow_up (
  id               bigserial primary key,
  title            text not null,
  note             text,
  due_at           timestamptz not null,
  owner_id         bigint not null references app_user(id),
  team             text,
  customer_id      bigint references customer(id),
  ticket_id        bigint,
  status           text not null default 'OPEN' check (status in ('OPEN', 'DONE', 'CANCELLED')),
  created_by       bigint references app_user(id),
  created_at       timestamptz not null,
  updated_at       timestamptz not null,
  -- When, by whom and with what note the follow-up left OPEN (done or cancelled).
  completed_at     timestamptz,
  completed_by     bigint references app_user(id),
  completion_note  text,
  check (customer_id is not null or ticket_id is not null),
  check ((status = 'OPEN') = (completed_at is null)),
  check ((status = 'OPEN') = (completed_by is null))
);
-- The overdue and open lists of one owner, oldest due first.
create index follow_up_open_owner_due on follow_up (owner_id, due_at) where status = 'OPEN';
create index follow_up_open_team_due on follow_up (team, due_at)
  where status = 'OPEN' and team is not null;
create index follow_up_customer on follow_up (customer_id, due_at) where customer_id is not null;
create index follow_up_ticket on follow_up (ticket_id) where ticket_id is not null;
