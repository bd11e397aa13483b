package dev.callcenter.helpdesk.report;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@link ReportFacts} on PostgreSQL through Jdbi. */
public final class JdbiReportFacts implements ReportFacts {

  private final Jdbi jdbi;

  public JdbiReportFacts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void recordCall(CallRecord c) {
    jdbi.useTransaction(
        h -> {
          long id =
              h.createQuery(
                      """
                      insert into call_record (call_id, queue, customer_id, tier, offered_at,
                          answered_at, ended_at, outcome, wait_seconds, talk_seconds, hold_seconds,
                          agent_id, transferred_in, transferred_out)
                      values (:callId, :queue, (select id from customer where id = :customerId),
                          :tier, :offeredAt, :answeredAt, :endedAt, :outcome, :wait, :talk, :hold,
                          (select id from app_user where id = :agentId), :in, :out)
                      returning id
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
                  .mapTo(Long.class)
                  .one();
          // The rollup changes in the same transaction as the fact it sums (ADR 0023).
          JdbiReportRollups.linkOffer(h, id);
          JdbiReportRollups.addCall(h, id, 1);
        });
  }

  @Override
  public void agentState(long userId, String state, String reason, String callId, Instant at) {
    jdbi.useTransaction(
        h -> {
          // The previous state ends now; a wrap-up that ends gives its call its wrap-up time.
          // Each change of a raw fact changes the rollup in the same transaction (ADR 0023).
          List<Closed> closed =
              h.createQuery(
                      """
                      update agent_state_log set ended_at = greatest(started_at, :at)
                       where user_id = :user and ended_at is null
                      returning id, state, call_id,
                                extract(epoch from ended_at - started_at)::int as seconds
                      """)
                  .bind("user", userId)
                  .bind("at", at)
                  .map(
                      (rs, ctx) ->
                          new Closed(
                              rs.getLong("id"),
                              rs.getString("state"),
                              rs.getString("call_id"),
                              rs.getInt("seconds")))
                  .list();
          for (Closed c : closed) {
            JdbiReportRollups.addStateSpan(h, c.id());
            if (!"WRAP_UP".equals(c.state()) || c.callId() == null) {
              continue;
            }
            Long record =
                h.createQuery(
                        """
                        select id from call_record
                         where id = (select max(id) from call_record
                                      where call_id = :call and agent_id = :user)
                           and outcome = 'ANSWERED'
                        """)
                    .bind("call", c.callId())
                    .bind("user", userId)
                    .mapTo(Long.class)
                    .findOne()
                    .orElse(null);
            if (record != null) {
              // Take the call's share out of the rollup, change it, put it back.
              JdbiReportRollups.addCall(h, record, -1);
              h.createUpdate(
                      "update call_record set wrap_seconds = coalesce(wrap_seconds, 0) + :wrap"
                          + " where id = :id")
                  .bind("wrap", c.seconds())
                  .bind("id", record)
                  .execute();
              JdbiReportRollups.addCall(h, record, 1);
            }
          }
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

  private record Closed(long id, String state, String callId, int seconds) {}

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
