-- IVR journeys: what each caller did in the phone menu, under the call's PBX Linkedid, so the
-- agent's screen pop shows it. Steps are appended as they happen, so a caller hanging up keeps
-- everything done so far.
create table ivr_journey (
  call_id        text primary key,
  customer_id    bigint references customer(id),
  caller_number  text,
  language       text,
  queue          text,
  priority       integer,
  ticket_id      bigint references ticket(id),
  started_at     timestamptz not null,
  ended_at       timestamptz,
  -- null while the caller is still in the menu
  outcome        text check (outcome in ('AGENT', 'CALLBACK', 'COMPLETED', 'HUNG_UP')),
  check (ended_at is null or ended_at >= started_at),
  check ((outcome is null) = (ended_at is null))
);
create index ivr_journey_customer on ivr_journey (customer_id, started_at desc)
  where customer_id is not null;

create table ivr_step (
  call_id   text not null references ivr_journey(call_id) on delete cascade,
  seq       integer not null,
  at        timestamptz not null,
  menu      text not null,
  input     text,
  outcome   text not null,
  primary key (call_id, seq)
);

-- Satisfaction survey answers (測量顧客滿意), from the IVR after the agent hangs up. agent is the
-- queue member as the PBX names it (e.g. PJSIP/1001); ticket_id and interaction_id when known.
create table survey_answer (
  id              bigserial primary key,
  call_id         text not null,
  customer_id     bigint references customer(id),
  interaction_id  bigint references interaction(id),
  agent           text,
  queue           text,
  ticket_id       bigint references ticket(id),
  rating          integer not null check (rating between 1 and 5),
  solved          boolean,
  answered_at     timestamptz not null
);
create index survey_answer_agent on survey_answer (agent, answered_at) where agent is not null;
create index survey_answer_queue on survey_answer (queue, answered_at) where queue is not null;
create index survey_answer_call on survey_answer (call_id);
create index survey_answer_ticket on survey_answer (ticket_id) where ticket_id is not null;
