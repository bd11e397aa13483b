-- CTI: which phone an agent answers on and which queues they work, and how a call ended.

create table agent_device (
  user_id     bigint primary key references app_user(id) on delete cascade,
  interface   text not null unique check (interface ~ '^[A-Za-z0-9_]+/.+$'),
  queues      text[] not null default '{}',
  updated_at  timestamptz not null default now()
);

alter table interaction add column hangup_by text
  check (hangup_by in ('CALLER', 'AGENT', 'TRANSFER', 'OTHER'));
