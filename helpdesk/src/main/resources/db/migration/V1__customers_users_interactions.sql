-- Users of the system (agents, supervisors, technicians, admins) and their login sessions.
create table app_user (
  id             bigserial primary key,
  username       text not null unique,
  display_name   text not null,
  password_hash  text not null,
  roles          text[] not null,
  language       text not null default 'zh-TW',
  time_zone      text not null default 'Asia/Taipei',
  active         boolean not null default true,
  created_at     timestamptz not null default now()
);

create table auth_session (
  token_hash  bytea primary key,
  user_id     bigint not null references app_user(id) on delete cascade,
  csrf_token  text not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null
);
create index auth_session_expires on auth_session (expires_at);

-- Customers: people and companies.
create table customer (
  id             bigserial primary key,
  kind           text not null check (kind in ('PERSON', 'COMPANY')),
  name           text not null,
  company_id     bigint references customer(id),
  language       text not null check (language in ('zh-TW', 'zh-CN', 'en')),
  emails         text[] not null default '{}',
  address        text,
  notes          text,
  value_12m      numeric(14, 2) not null default 0 check (value_12m >= 0),
  tier           text not null default 'STANDARD' check (tier in ('VIP', 'STANDARD')),
  tier_override  text check (tier_override in ('VIP', 'STANDARD')),
  external_ref   text unique,
  created_at     timestamptz not null default now(),
  updated_at     timestamptz not null default now(),
  version        integer not null default 1
);
create index customer_company on customer (company_id) where company_id is not null;
create index customer_name_lower on customer (lower(name) text_pattern_ops);

create table customer_phone (
  customer_id  bigint not null references customer(id) on delete cascade,
  position     smallint not null,
  type         text not null check (type in ('MOBILE', 'WORK', 'HOME', 'FAX', 'OTHER')),
  original     text not null,
  e164         text not null,
  primary key (customer_id, position)
);
-- The caller-ID index: every incoming call does one lookup on it.
create index customer_phone_e164 on customer_phone (e164) include (customer_id);

create table customer_attribute (
  customer_id  bigint not null references customer(id) on delete cascade,
  key          text not null,
  value        text not null,
  primary key (customer_id, key)
);

-- Every contact with a customer, on any channel: the timeline.
create table interaction (
  id              bigserial primary key,
  customer_id     bigint references customer(id),
  channel         text not null check (channel in
                    ('PHONE_IN', 'PHONE_OUT', 'EMAIL', 'FAX', 'WEB', 'VISIT', 'CHAT', 'NOTE')),
  direction       text not null check (direction in ('INBOUND', 'OUTBOUND', 'INTERNAL')),
  started_at      timestamptz not null,
  ended_at        timestamptz,
  agent_id        bigint references app_user(id),
  summary         text,
  pbx_uniqueid    text,
  pbx_linkedid    text,
  queue           text,
  caller_number   text,
  wait_seconds    integer,
  ring_seconds    integer,
  talk_seconds    integer,
  hold_seconds    integer,
  hangup_cause    text,
  recording_ref   text,
  created_at      timestamptz not null default now(),
  check (ended_at is null or ended_at >= started_at)
);
create index interaction_customer_time on interaction (customer_id, started_at desc, id desc);
create index interaction_linkedid on interaction (pbx_linkedid) where pbx_linkedid is not null;
create index interaction_agent_time on interaction (agent_id, started_at desc);
