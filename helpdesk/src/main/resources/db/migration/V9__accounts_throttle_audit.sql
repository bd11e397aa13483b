-- User administration: forced password changes, last login, idle sessions, revocation by user.
alter table app_user
  add column must_change_password boolean not null default false,
  add column last_login_at timestamptz,
  add column updated_at timestamptz;

alter table auth_session
  add column last_seen_at timestamptz,
  add column idle_timeout_seconds integer;
update auth_session set last_seen_at = created_at,
  idle_timeout_seconds = greatest(1, extract(epoch from (expires_at - created_at))::integer);
alter table auth_session
  alter column last_seen_at set not null,
  alter column idle_timeout_seconds set not null;
create index auth_session_user on auth_session (user_id);

-- Failed logins, shared by every node and kept across restarts; rows older than the throttle
-- window are purged. The username is stored as typed (lower case), whether or not it exists.
create table login_failure (
  id         bigserial primary key,
  username   text not null,
  address    text not null,
  failed_at  timestamptz not null
);
create index login_failure_address on login_failure (address, failed_at);
create index login_failure_time on login_failure (failed_at);

-- The security audit trail: who did what to whose account, when and from where.
create table security_event (
  id                bigserial primary key,
  occurred_at       timestamptz not null,
  kind              text not null,
  actor_id          bigint references app_user(id) on delete set null,
  actor_username    text,
  subject_id        bigint references app_user(id) on delete set null,
  subject_username  text,
  address           text,
  detail            jsonb not null default '{}'
);
create index security_event_time on security_event (occurred_at desc, id desc);
create index security_event_kind on security_event (kind, occurred_at desc);
