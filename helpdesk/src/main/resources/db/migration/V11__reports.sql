-- Reports (issue 16, docs/metrics.md): the facts the call-center reports count, written by the
-- server as calls and agent states change, so no report depends on Asterisk's queue_log.

-- One row per queue offer of a call: a call that enters a queue from outside, and again each time
-- an agent transfers it into a queue (transferred_in). Written when that part of the call ends.
create table call_record (
  id               bigserial primary key,
  call_id          text not null,
  queue            text,
  customer_id      bigint references customer(id),
  -- The caller's tier when the call was offered (STANDARD for unknown callers).
  tier             text not null default 'STANDARD' check (tier in ('VIP', 'STANDARD')),
  offered_at       timestamptz not null,
  answered_at      timestamptz,
  ended_at         timestamptz not null,
  outcome          text not null check (outcome in ('ANSWERED', 'ABANDONED', 'UNANSWERED')),
  -- Seconds in the queue until answered or until the caller left.
  wait_seconds     integer not null check (wait_seconds >= 0),
  -- From answer to the agent's hang-up or transfer; includes hold.
  talk_seconds     integer check (talk_seconds >= 0),
  hold_seconds     integer check (hold_seconds >= 0),
  -- The agent's wrap-up after this call, filled in when the wrap-up ends.
  wrap_seconds     integer check (wrap_seconds >= 0),
  agent_id         bigint references app_user(id),
  transferred_in   boolean not null default false,
  transferred_out  boolean not null default false,
  check ((outcome = 'ANSWERED') = (answered_at is not null)),
  check (ended_at >= offered_at)
);
-- Every report filters on the offer time; the included columns let the call KPIs over a period
-- run as an index-only scan.
create index call_record_offered on call_record (offered_at)
  include (outcome, wait_seconds, talk_seconds, wrap_seconds, transferred_in, transferred_out,
           queue, tier, agent_id);
create index call_record_agent_offered on call_record (agent_id, offered_at)
  where agent_id is not null;
create index call_record_customer_offered on call_record (customer_id, offered_at)
  where customer_id is not null;
create index call_record_call on call_record (call_id);

-- Every change of an agent's state, as the gateway derives it from the PBX. ended_at is set when
-- the next state of the same agent starts, so time in state needs no window function.
create table agent_state_log (
  id          bigserial primary key,
  user_id     bigint not null references app_user(id) on delete cascade,
  state       text not null check (state in
                ('LOGGED_OUT', 'AVAILABLE', 'PAUSED', 'RINGING', 'ON_CALL', 'WRAP_UP')),
  reason      text,
  call_id     text,
  started_at  timestamptz not null,
  ended_at    timestamptz,
  check (ended_at is null or ended_at >= started_at)
);
-- Time in state over a period reads the spans that overlap it (a logged-out night may start long
-- before the period).
create index agent_state_log_span on agent_state_log
  using gist (tstzrange(started_at, ended_at, '[)'));
create index agent_state_log_open on agent_state_log (user_id) where ended_at is null;

-- Reports over tickets and surveys filter on creation and answer time.
create index ticket_type_created on ticket (type, created_at);
create index ticket_resolved_at on ticket (resolved_at) where resolved_at is not null;
create index survey_answer_answered on survey_answer (answered_at);
create index ivr_journey_started on ivr_journey (started_at);
create index follow_up_created on follow_up (created_at);
create index interaction_inbound_customer on interaction (customer_id, started_at)
  where direction = 'INBOUND' and customer_id is not null;

-- Complaint spikes raised to supervisors, once per ISO week however many nodes watch.
create table complaint_spike (
  week             date primary key,
  complaints       integer not null,
  trailing_mean    double precision not null,
  threshold        double precision not null,
  raised_at        timestamptz not null
);
