-- Report rollups (ADR 0023, docs/metrics.md): the sums the call and agent reports need per
-- 15-minute slot of UTC time, kept up to date in the transaction that writes the raw fact
-- (JdbiReportFacts) and rebuilt from call_record and agent_state_log on demand (ReportRollups).
-- A slot is date_bin('15 minutes', t, 'epoch'): every local midnight, hour and quarter hour of a
-- zone whose offset is a whole number of quarter hours (every zone in use since 1980) is a slot
-- boundary, so a period in such a zone is an exact sum of slots.

-- The customer's next offer after this one (in offer order, any queue), kept by the writer so that
-- first-contact resolution needs no window over a year of calls. Null: none yet.
alter table call_record add column next_offer_at timestamptz;
update call_record r set next_offer_at = x.next
  from (select id, lead(offered_at) over (partition by customer_id order by offered_at, id) as next
          from call_record where customer_id is not null and not transferred_in) x
 where x.id = r.id and x.next is not null;
create index call_record_customer_offer on call_record (customer_id, offered_at, id)
  where customer_id is not null and not transferred_in;

-- Calls, in two grains: 'Q' rows per slot, queue and caller tier (agent_id 0) serve reports with
-- no filter or a queue / tier filter; 'A' rows per slot and answering agent (queue and tier '')
-- serve the agent and team filters and the agents report. Each row holds the counts of
-- CallCounts, the answered offers within the common service-level thresholds (within_T: wait <= T
-- seconds), the abandons shorter than the common short-abandon thresholds (short_S: wait < S),
-- and a histogram of handle time (talk + wrap-up) of handled rows in the bins of
-- ReportRollups.HANDLE_BINS (hNN: bin NN).
create table call_rollup (
  grain          char(1) not null check (grain in ('Q', 'A')),
  slot           timestamptz not null,
  queue          text not null,
  tier           text not null,
  agent_id       bigint not null,
  offered        integer not null default 0,
  answered       integer not null default 0,
  abandoned      integer not null default 0,
  unanswered     integer not null default 0,
  wait_sum       bigint not null default 0,
  handled        integer not null default 0,
  handle_sum     bigint not null default 0,
  transfers_out  integer not null default 0,
  transfers_in   integer not null default 0,
  -- Answered rows not transferred onwards: the calls an IVR survey can follow.
  ended_with_agent integer not null default 0,
  -- First-contact resolution: answered offers of identified callers, and those of them the same
  -- customer did not follow with another offer within 7 days (call_record.next_offer_at).
  fcr_calls      integer not null default 0,
  fcr_resolved   integer not null default 0,
  within_10  integer not null default 0,
  within_15  integer not null default 0,
  within_20  integer not null default 0,
  within_30  integer not null default 0,
  within_45  integer not null default 0,
  within_60  integer not null default 0,
  within_90  integer not null default 0,
  within_120 integer not null default 0,
  within_180 integer not null default 0,
  within_300 integer not null default 0,
  short_1    integer not null default 0,
  short_2    integer not null default 0,
  short_3    integer not null default 0,
  short_4    integer not null default 0,
  short_5    integer not null default 0,
  short_6    integer not null default 0,
  short_7    integer not null default 0,
  short_8    integer not null default 0,
  short_9    integer not null default 0,
  short_10   integer not null default 0,
  short_15   integer not null default 0,
  short_20   integer not null default 0,
  short_30   integer not null default 0,
  h00  integer not null default 0,
  h01  integer not null default 0,
  h02  integer not null default 0,
  h03  integer not null default 0,
  h04  integer not null default 0,
  h05  integer not null default 0,
  h06  integer not null default 0,
  h07  integer not null default 0,
  h08  integer not null default 0,
  h09  integer not null default 0,
  h10  integer not null default 0,
  h11  integer not null default 0,
  h12  integer not null default 0,
  h13  integer not null default 0,
  h14  integer not null default 0,
  h15  integer not null default 0,
  h16  integer not null default 0,
  h17  integer not null default 0,
  h18  integer not null default 0,
  h19  integer not null default 0,
  h20  integer not null default 0,
  h21  integer not null default 0,
  h22  integer not null default 0,
  h23  integer not null default 0,
  h24  integer not null default 0,
  h25  integer not null default 0,
  h26  integer not null default 0,
  h27  integer not null default 0,
  h28  integer not null default 0,
  h29  integer not null default 0,
  h30  integer not null default 0,
  h31  integer not null default 0,
  h32  integer not null default 0,
  h33  integer not null default 0,
  h34  integer not null default 0,
  h35  integer not null default 0,
  h36  integer not null default 0,
  h37  integer not null default 0,
  h38  integer not null default 0,
  h39  integer not null default 0,
  h40  integer not null default 0,
  h41  integer not null default 0,
  h42  integer not null default 0,
  h43  integer not null default 0,
  h44  integer not null default 0,
  h45  integer not null default 0,
  h46  integer not null default 0,
  h47  integer not null default 0,
  h48  integer not null default 0,
  h49  integer not null default 0,
  h50  integer not null default 0,
  h51  integer not null default 0,
  h52  integer not null default 0,
  h53  integer not null default 0,
  h54  integer not null default 0,
  h55  integer not null default 0,
  h56  integer not null default 0,
  primary key (grain, slot, agent_id, queue, tier)
);
-- One agent's (or one team's) calls over a period.
create index call_rollup_agent on call_rollup (agent_id, slot) where grain = 'A';

-- Agent time per slot, agent and pause reason (reason '' except for PAUSED), in microseconds,
-- from the closed spans of agent_state_log split at slot boundaries (a state still running is
-- read from the log itself). Logged-out time is not kept: no report shows it.
create table agent_state_rollup (
  slot          timestamptz not null,
  user_id       bigint not null,
  reason        text not null,
  available_us  bigint not null default 0,
  paused_us     bigint not null default 0,
  ringing_us    bigint not null default 0,
  on_call_us    bigint not null default 0,
  wrap_up_us    bigint not null default 0,
  primary key (slot, user_id, reason)
);

-- The customers report (80/20) over any period reads the customers now, their open tickets and
-- 180 days of inbound contacts: the top of the ranking from an index, open tickets per customer
-- without visiting the closed ones, and the contacts as an index-only range scan.
create index customer_value_rank on customer (value_12m desc, id);
create index ticket_customer_open on ticket (customer_id) include (type)
  where status in ('NEW', 'OPEN', 'PENDING_CUSTOMER');
create index interaction_inbound_started on interaction (started_at) include (customer_id)
  where direction = 'INBOUND' and customer_id is not null;
