-- Business hours that SLA clocks count in. One default calendar for now; more (per team or
-- country) can be added later without changing the tables.
create table business_calendar (
  id          bigserial primary key,
  name        text not null unique,
  zone        text not null,
  is_default  boolean not null default false
);
create unique index business_calendar_single_default on business_calendar (is_default)
  where is_default;

-- Weekly working windows: ISO day of week (1 = Monday … 7 = Sunday), local opening and closing
-- time; a closing time of 00:00 means midnight at the end of the day. Days without rows are closed.
create table business_hours (
  calendar_id  bigint not null references business_calendar(id) on delete cascade,
  day_of_week  smallint not null check (day_of_week between 1 and 7),
  opens        time not null,
  closes       time not null,
  primary key (calendar_id, day_of_week, opens),
  check (closes > opens or closes = '00:00')
);

-- Dates (in the calendar's zone) without any business time.
create table holiday (
  calendar_id  bigint not null references business_calendar(id) on delete cascade,
  day          date not null,
  name         text not null,
  primary key (calendar_id, day)
);

insert into business_calendar (name, zone, is_default) values ('Taipei office', 'Asia/Taipei', true);
insert into business_hours (calendar_id, day_of_week, opens, closes)
select c.id, d, '09:00', '18:00'
  from business_calendar c, generate_series(1, 5) d
 where c.is_default;
-- A few 2026 national holidays in Taiwan (observed weekdays); check each year against the
-- official government calendar and add the rest.
insert into holiday (calendar_id, day, name)
select c.id, h.day, h.name
  from business_calendar c,
       (values (date '2026-01-01', 'New Year''s Day'),
               (date '2026-02-16', 'Lunar New Year''s Eve'),
               (date '2026-02-17', 'Lunar New Year'),
               (date '2026-02-18', 'Lunar New Year'),
               (date '2026-02-19', 'Lunar New Year'),
               (date '2026-02-27', 'Peace Memorial Day (observed)'),
               (date '2026-04-03', 'Children''s Day (observed)'),
               (date '2026-04-06', 'Tomb Sweeping Day (observed)'),
               (date '2026-05-01', 'Labour Day'),
               (date '2026-06-19', 'Dragon Boat Festival'),
               (date '2026-09-25', 'Mid-Autumn Festival'),
               (date '2026-10-09', 'National Day (observed)')) as h(day, name)
 where c.is_default;

-- SLA targets in business minutes by ticket type x priority x customer tier. A null column matches
-- any value; the row matching the most columns wins, and among equally specific rows the one with
-- the shorter first-response target (then the shorter resolution target) wins. The catch-all row
-- (all null) must stay. A business day is 9 hours = 540 minutes.
create table sla_policy (
  id                      bigserial primary key,
  ticket_type             text check (ticket_type in
                            ('FAULT_REPORT', 'COMPLAINT', 'SERVICE_REQUEST', 'QUESTION')),
  priority                text check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  tier                    text check (tier in ('VIP', 'STANDARD')),
  first_response_minutes  integer not null check (first_response_minutes > 0),
  resolution_minutes      integer not null check (resolution_minutes > 0),
  check (first_response_minutes <= resolution_minutes),
  unique nulls not distinct (ticket_type, priority, tier)
);

insert into sla_policy (ticket_type, priority, tier, first_response_minutes, resolution_minutes)
values (null, null, null, 480, 1620),              -- anything else: 8 h / 3 business days
       (null, 'LOW', 'STANDARD', 960, 2700),       -- 2 business days / 5 business days
       (null, 'NORMAL', 'STANDARD', 480, 1620),    -- 8 h / 3 business days
       (null, 'HIGH', 'STANDARD', 120, 540),       -- 2 h / 1 business day
       (null, 'URGENT', 'STANDARD', 60, 360),      -- 1 h / 6 h
       (null, 'LOW', 'VIP', 240, 1620),            -- 4 h / 3 business days
       (null, 'NORMAL', 'VIP', 120, 1080),         -- 2 h / 2 business days
       (null, 'HIGH', 'VIP', 60, 540),             -- 1 h / 1 business day
       (null, 'URGENT', 'VIP', 30, 240),           -- 30 min / 4 h
       ('COMPLAINT', null, 'STANDARD', 120, 1080), -- complaints: 2 h / 2 business days
       ('COMPLAINT', null, 'VIP', 60, 540);        -- VIP complaints: 1 h / 1 business day

create table ticket (
  id                             bigserial primary key,
  type                           text not null check (type in
                                   ('FAULT_REPORT', 'COMPLAINT', 'SERVICE_REQUEST', 'QUESTION')),
  status                         text not null check (status in
                                   ('NEW', 'OPEN', 'PENDING_CUSTOMER', 'RESOLVED', 'CLOSED')),
  title                          text not null,
  description                    text,
  priority                       text not null check (priority in
                                   ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  customer_id                    bigint not null references customer(id),
  assignee_id                    bigint references app_user(id),
  -- A team key; a later teams feature adds the teams table.
  team                           text,
  tags                           text[] not null default '{}',
  source                         text not null default 'AGENT' check (source in
                                   ('AGENT', 'IVR', 'WEB', 'EMAIL', 'PHONE')),
  pbx_linkedid                   text,
  product                        text,
  product_version                text,
  -- The deadline promised to a complaining customer.
  promised_by                    timestamptz,
  resolution                     text,
  -- SLA terms copied from the policy at creation, so policy edits never move existing clocks.
  sla_policy_id                  bigint references sla_policy(id) on delete set null,
  first_response_target_minutes  integer not null check (first_response_target_minutes > 0),
  resolution_target_minutes      integer not null check (resolution_target_minutes > 0),
  first_response_at              timestamptz,
  resolved_at                    timestamptz,
  closed_at                      timestamptz,
  -- Computed from the SLA clocks whenever they change (null once a clock stopped, or while it is
  -- paused and the point is not reached yet); read by lists and the SLA monitor.
  first_response_warn_at         timestamptz,
  first_response_due_at          timestamptz,
  resolution_warn_at             timestamptz,
  resolution_due_at              timestamptz,
  -- The earliest warn/due point that has no sla_event yet: what the monitor polls.
  next_sla_check_at              timestamptz,
  created_by                     bigint references app_user(id),
  created_at                     timestamptz not null,
  updated_at                     timestamptz not null,
  version                        integer not null default 1,
  check (type <> 'COMPLAINT' or promised_by is not null),
  check ((status in ('RESOLVED', 'CLOSED')) = (resolved_at is not null)),
  check ((status = 'CLOSED') = (closed_at is not null))
);
create index ticket_created on ticket (created_at desc, id desc);
create index ticket_customer_created on ticket (customer_id, created_at desc, id desc);
create index ticket_assignee_created on ticket (assignee_id, created_at desc)
  where assignee_id is not null;
create index ticket_team_created on ticket (team, created_at desc) where team is not null;
create index ticket_status_created on ticket (status, created_at desc);
create index ticket_linkedid on ticket (pbx_linkedid) where pbx_linkedid is not null;
create index ticket_next_sla_check on ticket (next_sla_check_at)
  where next_sla_check_at is not null;

create table ticket_comment (
  id          bigserial primary key,
  ticket_id   bigint not null references ticket(id) on delete cascade,
  visibility  text not null check (visibility in ('INTERNAL', 'PUBLIC')),
  author_id   bigint references app_user(id),
  body        text not null,
  created_at  timestamptz not null
);
create index ticket_comment_ticket on ticket_comment (ticket_id, created_at, id);

-- Who changed what on a ticket, written in the same transaction as the change.
create table ticket_audit (
  id          bigserial primary key,
  ticket_id   bigint not null references ticket(id) on delete cascade,
  actor_id    bigint references app_user(id),
  changed_at  timestamptz not null,
  field       text not null check (field in
                ('CREATED', 'STATUS', 'RESOLUTION', 'ASSIGNEE', 'TEAM', 'PRIORITY', 'TITLE',
                 'DESCRIPTION', 'TAGS', 'PRODUCT', 'PRODUCT_VERSION', 'PROMISED_BY', 'COMMENT',
                 'INTERACTION')),
  old_value   text,
  new_value   text
);
create index ticket_audit_ticket on ticket_audit (ticket_id, changed_at, id);

create table interaction_ticket (
  interaction_id  bigint not null references interaction(id) on delete cascade,
  ticket_id       bigint not null references ticket(id) on delete cascade,
  linked_at       timestamptz not null,
  primary key (interaction_id, ticket_id)
);
create index interaction_ticket_ticket on interaction_ticket (ticket_id);

-- Spans in which the resolution clock does not run: waiting for the customer, and the time a
-- ticket spent resolved before it was reopened. At most one open span per ticket.
create table ticket_sla_pause (
  id          bigserial primary key,
  ticket_id   bigint not null references ticket(id) on delete cascade,
  reason      text not null check (reason in ('PENDING_CUSTOMER', 'RESOLVED')),
  started_at  timestamptz not null,
  ended_at    timestamptz,
  check (ended_at is null or ended_at >= started_at)
);
create index ticket_sla_pause_ticket on ticket_sla_pause (ticket_id, started_at);
create unique index ticket_sla_pause_single_open on ticket_sla_pause (ticket_id)
  where ended_at is null;

-- Warnings and breaches found by the SLA monitor, at most one of each kind per ticket and target.
create table sla_event (
  id           bigserial primary key,
  ticket_id    bigint not null references ticket(id) on delete cascade,
  target       text not null check (target in ('FIRST_RESPONSE', 'RESOLUTION')),
  kind         text not null check (kind in ('WARNING', 'BREACH')),
  reached_at   timestamptz not null,
  recorded_at  timestamptz not null,
  unique (ticket_id, target, kind)
);
