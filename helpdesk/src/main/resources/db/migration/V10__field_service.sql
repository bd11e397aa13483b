-- Field service (現場服務管理): technicians, installed base, parts and stock, dispatch orders and
-- their audit trail, and the plans the optimiser proposes.

-- Where parts are kept: a warehouse, or a technician's van.
create table stock_location (
  id             bigserial primary key,
  kind           text not null check (kind in ('WAREHOUSE', 'VAN')),
  name           text not null unique
);

-- A user with role TECHNICIAN as the dispatcher plans them.
create table technician (
  user_id        bigint primary key references app_user(id),
  skills         text[] not null default '{}',
  home_lat       double precision not null check (home_lat between -90 and 90),
  home_lon       double precision not null check (home_lon between -180 and 180),
  -- Zone of the working hours and days off (the technician's local time).
  time_zone      text not null default 'Asia/Taipei',
  van_location_id bigint not null unique references stock_location(id),
  updated_at     timestamptz not null
);

-- Working hours per ISO weekday (1 = Monday); a weekday without a row is not worked.
create table technician_hours (
  user_id        bigint not null references technician(user_id) on delete cascade,
  weekday        smallint not null check (weekday between 1 and 7),
  starts         time not null,
  ends           time not null,
  primary key (user_id, weekday),
  check (starts < ends)
);

create table technician_day_off (
  user_id        bigint not null references technician(user_id) on delete cascade,
  day            date not null,
  reason         text,
  primary key (user_id, day)
);

-- Installed base: equipment at a customer's site.
create table equipment (
  id             bigserial primary key,
  customer_id    bigint not null references customer(id),
  product        text not null,
  version        text,
  serial_number  text,
  site_address   text,
  lat            double precision check (lat between -90 and 90),
  lon            double precision check (lon between -180 and 180),
  installed_on   date,
  warranty_end   date,
  created_at     timestamptz not null
);
create index equipment_customer on equipment (customer_id);
create unique index equipment_serial on equipment (product, serial_number)
  where serial_number is not null;

create table part (
  id             bigserial primary key,
  number         text not null unique,
  name           text not null,
  unit_cost      numeric(12, 2) not null check (unit_cost >= 0)
);

-- On hand and reserved per location; neither ever goes below zero, and reservations never exceed
-- what is on hand: the conditional updates rely on these checks as the last line.
create table stock (
  location_id    bigint not null references stock_location(id),
  part_id        bigint not null references part(id),
  on_hand        integer not null default 0 check (on_hand >= 0),
  reserved       integer not null default 0 check (reserved >= 0),
  primary key (location_id, part_id),
  check (reserved <= on_hand)
);

create table dispatch_order (
  id                bigserial primary key,
  ticket_id         bigint not null references ticket(id),
  customer_id       bigint not null references customer(id),
  equipment_id      bigint references equipment(id),
  site_address      text not null,
  lat               double precision not null check (lat between -90 and 90),
  lon               double precision not null check (lon between -180 and 180),
  required_skills   text[] not null default '{}',
  duration_minutes  integer not null check (duration_minutes between 5 and 720),
  -- 1 (lowest) to 100, derived from the ticket's priority, the customer's tier and the SLA.
  priority          integer not null check (priority between 1 and 100),
  window_start      timestamptz not null,
  window_end        timestamptz not null,
  status            text not null check (status in ('UNSCHEDULED', 'SCHEDULED', 'EN_ROUTE',
                      'ON_SITE', 'COMPLETED', 'CANNOT_COMPLETE', 'CLOSED', 'CANCELLED')),
  status_reason     text,
  technician_id     bigint references technician(user_id),
  planned_start     timestamptz,
  planned_end       timestamptz,
  -- Kept by re-planning: the visit stays with its technician.
  pinned            boolean not null default false,
  -- Why the optimiser put it where it is (score contributions), as it last explained it.
  explanation       text,
  note              text,
  created_by        bigint references app_user(id),
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  version           integer not null default 0,
  check (window_start < window_end),
  check ((technician_id is null) = (planned_start is null)),
  check (status not in ('SCHEDULED', 'EN_ROUTE', 'ON_SITE') or technician_id is not null)
);
create index dispatch_order_ticket on dispatch_order (ticket_id);
create index dispatch_order_technician_day on dispatch_order (technician_id, planned_start);
create index dispatch_order_open on dispatch_order (window_start)
  where status in ('UNSCHEDULED', 'SCHEDULED', 'EN_ROUTE', 'ON_SITE');

-- Parts an order is expected to need.
create table dispatch_order_part (
  order_id       bigint not null references dispatch_order(id) on delete cascade,
  part_id        bigint not null references part(id),
  quantity       integer not null check (quantity > 0),
  primary key (order_id, part_id)
);

-- Every change of an order: who, when, from which address, what.
create table dispatch_order_audit (
  id             bigserial primary key,
  order_id       bigint not null references dispatch_order(id),
  at             timestamptz not null,
  actor_id       bigint references app_user(id),
  address        text,
  action         text not null,
  from_status    text,
  to_status      text,
  detail         text
);
create index dispatch_order_audit_order on dispatch_order_audit (order_id, id);

create table stock_reservation (
  id             bigserial primary key,
  order_id       bigint not null references dispatch_order(id),
  part_id        bigint not null references part(id),
  location_id    bigint not null references stock_location(id),
  quantity       integer not null check (quantity > 0),
  status         text not null check (status in ('ACTIVE', 'CONSUMED', 'RELEASED')),
  created_at     timestamptz not null
);
create index stock_reservation_order on stock_reservation (order_id) where status = 'ACTIVE';

-- Every change of stock: received, transferred, used on an order.
create table stock_move (
  id             bigserial primary key,
  kind           text not null check (kind in ('RECEIVE', 'TRANSFER', 'CONSUME')),
  part_id        bigint not null references part(id),
  from_location  bigint references stock_location(id),
  to_location    bigint references stock_location(id),
  quantity       integer not null check (quantity > 0),
  order_id       bigint references dispatch_order(id),
  actor_id       bigint references app_user(id),
  at             timestamptz not null,
  check (from_location is not null or to_location is not null)
);
create index stock_move_part on stock_move (part_id, id);
