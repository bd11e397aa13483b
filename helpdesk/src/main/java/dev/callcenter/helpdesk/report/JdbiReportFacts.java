package dev.callcenter.helpdesk.report;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** {@link ReportFacts} on PostgreSQL through Jdbi. */
public final class JdbiReportFacts implements ReportFacts {

  private final Jdbi jdbi;

  public JdbiReportFacts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void recordCall(CallRecord c) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into call_record (call_id, queue, customer_id, tier, offered_at,
                        answered_at, ended_at, outcome, wait_seconds, talk_seconds, hold_seconds,
                        agent_id, transferred_in, transferred_out)
                    values (:callId, :queue, (select id from customer where id = :customerId),
                        :tier, :offeredAt, :answeredAt, :endedAt, :outcome, :wait, :talk, :hold,
                        (select id from app_user where id = :agentId), :in, :out)
                    """)
                .bind("callId", c.callId())
                .bind("queue", c.queue())
                .bind("customerId", c.customerId())
                .bind("tier", c.tier().name())
                .bind("offeredAt", c.offeredAt())
                .bind("answeredAt", c.answeredAt())
                .bind("endedAt", c.endedAt())
                .bind("outcome", c.outcome().name())
                .bind("wait", c.waitSeconds())
                .bind("talk", c.talkSeconds())
                .bind("hold", c.holdSeconds())
                .bind("agentId", c.agentId())
                .bind("in", c.transferredIn())
                .bind("out", c.transferredOut())
                .execute());
  }

  @Override
  public void agentState(long userId, String state, String reason, String callId, Instant at) {
    jdbi.useTransaction(
        h -> {
          // The previous state ends now; a wrap-up that ends gives its call its wrap-up time.
          h.createUpdate(
                  """
                  with closed as (
                    update agent_state_log set ended_at = greatest(started_at, :at)
                     where user_id = :user and ended_at is null
                    returning state, call_id, started_at, ended_at)
                  update call_record r
                     set wrap_seconds = coalesce(r.wrap_seconds, 0)
                           + extract(epoch from c.ended_at - c.started_at)::int
                    from closed c
                   where c.state = 'WRAP_UP' and c.call_id is not null
                     and r.call_id = c.call_id and r.agent_id = :user
                     and r.outcome = 'ANSWERED'
                     and r.id = (select max(id) from call_record
                                  where call_id = c.call_id and agent_id = :user)
                  """)
              .bind("user", userId)
              .bind("at", at)
              .execute();
          h.createUpdate(
                  """
                  insert into agent_state_log (user_id, state, reason, call_id, started_at)
                  select :user, :state, :reason, :callId, :at
                   where exists (select 1 from app_user where id = :user)
                  """)
              .bind("user", userId)
              .bind("state", state)
              .bind("reason", reason)
              .bind("callId", callId)
              .bind("at", at)
              .execute();
        });
  }

  @Override
  public boolean recordSpike(ComplaintSpike spike, Instant at) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        insert into complaint_spike (week, complaints, trailing_mean, threshold,
                                                     raised_at)
                        values (:week, :complaints, :mean, :threshold, :at)
                        on conflict (week) do nothing
                        """)
                    .bind("week", spike.week())
                    .bind("complaints", spike.complaints())
                    .bind("mean", spike.trailingMean())
                    .bind("threshold", spike.threshold())
                    .bind("at", at)
                    .execute())
        == 1;
  }
}
