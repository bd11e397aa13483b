-- Field work reported from the technician's phone (issue 15, ADR 0020): the actions it sent with
-- their idempotency keys, labour, parts used, expenses, photos and signatures, and the close-out.

-- Every technician an order was ever planned on, kept by the database itself whichever code
-- changes the order: a field action on an order that went to someone else meanwhile is a 409
-- conflict for the technician who had it, and stays a 404 for everyone else.
create table dispatch_order_assignee (
  order_id       bigint not null references dispatch_order(id) on delete cascade,
  technician_id  bigint not null references technician(user_id),
  primary key (order_id, technician_id)
);

create function dispatch_order_assignee_keep() returns trigger language plpgsql as $$
begin
  if new.technician_id is not null then
    insert into dispatch_order_assignee (order_id, technician_id)
      values (new.id, new.technician_id) on conflict do nothing;
  end if;
  return new;
end
$$;

create trigger dispatch_order_assignee_keep
  after insert or update of technician_id on dispatch_order
  for each row execute function dispatch_order_assignee_keep();

insert into dispatch_order_assignee (order_id, technician_id)
  select id, technician_id from dispatch_order where technician_id is not null;

-- Parts whose units carry serial numbers: using one records a serial per unit.
alter table part add column serialized boolean not null default false;

-- Photos (receipts) and signatures, in the database: no file names from clients, no paths.
create table order_attachment (
  id             bigserial primary key,
  -- The phone's idempotency key of the upload: a retry finds the first one.
  key            uuid not null unique,
  order_id       bigint not null references dispatch_order(id),
  kind           text not null check (kind in ('RECEIPT', 'SIGNATURE')),
  content_type   text not null check (content_type in ('image/jpeg', 'image/png')),
  size_bytes     integer not null check (size_bytes > 0),
  width          integer not null check (width > 0),
  height         integer not null check (height > 0),
  sha256         text not null,
  bytes          bytea not null,
  uploaded_by    bigint not null references app_user(id),
  created_at     timestamptz not null
);
create index order_attachment_order on order_attachment (order_id);

-- One row per action a phone sent, under the key it generated: a retry with the same key gets the
-- first answer and changes nothing.
create table field_action (
  key            uuid primary key,
  order_id       bigint not null references dispatch_order(id),
  user_id        bigint not null references app_user(id),
  type           text not null,
  -- When the technician did it (on the phone's clock; offline work arrives later).
  occurred_at    timestamptz not null,
  received_at    timestamptz not null,
  -- The phone's position when the browser gave it; optional.
  lat            double precision check (lat between -90 and 90),
  lon            double precision check (lon between -180 and 180),
  accuracy_m     double precision check (accuracy_m >= 0),
  -- The row the action made (labour, part used, expense), null for status steps.
  record_id      bigint,
  order_status   text not null,
  check ((lat is null) = (lon is null))
);
create index field_action_order on field_action (order_id, received_at, key);

create table order_labour (
  id             bigserial primary key,
  order_id       bigint not null references dispatch_order(id),
  technician_id  bigint not null references app_user(id),
  source         text not null check (source in ('TIMER', 'ENTERED')),
  started_at     timestamptz not null,
  -- Null while the timer runs.
  ended_at       timestamptz,
  minutes        integer check (minutes between 0 and 1440),
  check ((ended_at is null) = (minutes is null))
);
create index order_labour_order on order_labour (order_id);
create unique index order_labour_running on order_labour (order_id, technician_id)
  where ended_at is null;

create table order_part_used (
  id             bigserial primary key,
  order_id       bigint not null references dispatch_order(id),
  part_id        bigint not null references part(id),
  quantity       integer not null check (quantity > 0),
  serial_numbers text[] not null default '{}',
  -- The part's cost when it was used, so later price changes do not rewrite old orders.
  unit_cost      numeric(12, 2) not null check (unit_cost >= 0),
  stock_move_id  bigint not null references stock_move(id),
  technician_id  bigint not null references app_user(id),
  used_at        timestamptz not null
);
create index order_part_used_order on order_part_used (order_id);

create table order_expense (
  id             bigserial primary key,
  order_id       bigint not null references dispatch_order(id),
  technician_id  bigint not null references app_user(id),
  type           text not null check (type in ('TRAVEL', 'PARKING', 'TOLL', 'MEAL', 'MATERIAL',
                   'OTHER')),
  amount         numeric(12, 2) not null check (amount >= 0),
  currency       char(3) not null,
  note           text,
  receipt_id     bigint references order_attachment(id),
  spent_at       timestamptz not null
);
create index order_expense_order on order_expense (order_id);

-- What the visit ended with and what it set off.
create table order_closeout (
  order_id            bigint primary key references dispatch_order(id),
  resolution          text,
  signer_name         text,
  signed_at           timestamptz,
  signature_id        bigint references order_attachment(id),
  -- The follow-ups it raised and the KB draft it offered.
  dispatcher_follow_up_id bigint references follow_up(id),
  survey_follow_up_id bigint references follow_up(id),
  late_follow_up_id   bigint references follow_up(id),
  ticket_resolved     boolean not null default false,
  kb_article_id       bigint,
  updated_at          timestamptz not null
);
