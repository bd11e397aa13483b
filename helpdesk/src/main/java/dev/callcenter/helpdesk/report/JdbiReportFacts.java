package dev.callcenter.helpdesk.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

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
  public void agentStates(long userId, List<StateChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    int n = changes.size();
    String[] states = new String[n];
    String[] reasons = new String[n];
    String[] callIds = new String[n];
    String[] starts = new String[n];
    String[] ends = new String[n];
    for (int i = 0; i < n; i++) {
      StateChange c = changes.get(i);
      states[i] = c.state();
      reasons[i] = c.reason();
      callIds[i] = c.callId();
      starts[i] = c.at().toString();
      ends[i] = i + 1 < n ? changes.get(i + 1).at().toString() : null;
    }
    jdbi.useTransaction(
        h -> {
          // The previous state ends at the first change; each change ends at the next one, the
          // last stays open. A wrap-up that ends gives its call its wrap-up time. Each change of a
          // raw fact changes the rollup in the same transaction (ADR 0023).
          List<Closed> closed =
              new ArrayList<>(
                  h.createQuery(
                          """
                          update agent_state_log set ended_at = greatest(started_at, :at)
                           where user_id = :user and ended_at is null
                          returning id, state, call_id, true as closed,
                                    extract(epoch from ended_at - started_at)::int as seconds
                          """)
                      .bind("user", userId)
                      .bind("at", changes.get(0).at())
                      .map(JdbiReportFacts::span)
                      .list());
          h
              .createQuery(
                  """
                  insert into agent_state_log (user_id, state, reason, call_id, started_at,
                                               ended_at)
                  select :user, x.state, x.reason, x.call_id, x.started_at,
                         case when x.ended_at is not null
                              then greatest(x.started_at, x.ended_at) end
                    from unnest(cast(:states as text[]), cast(:reasons as text[]),
                                cast(:callIds as text[]), cast(:starts as timestamptz[]),
                                cast(:ends as timestamptz[]))
                         with ordinality as x(state, reason, call_id, started_at, ended_at, n)
                   where exists (select 1 from app_user where id = :user)
                   order by x.n
                  returning id, state, call_id, ended_at is not null as closed,
                            extract(epoch from ended_at - started_at)::int as seconds
                  """)
              .bind("user", userId)
              .bindArray("states", String.class, (Object[]) states)
              .bindArray("reasons", String.class, (Object[]) reasons)
              .bindArray("callIds", String.class, (Object[]) callIds)
              .bindArray("starts", String.class, (Object[]) starts)
              .bindArray("ends", String.class, (Object[]) ends)
              .map(JdbiReportFacts::span)
              .stream()
              .filter(Closed::closed)
              .forEach(closed::add);
          JdbiReportRollups.addStateSpans(h, closed.stream().map(Closed::id).toList());
          for (Closed c : closed) {
            if ("WRAP_UP".equals(c.state()) && c.callId() != null) {
              addWrapUp(h, userId, c);
            }
          }
        });
  }

  private static Closed span(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Closed(
        rs.getLong("id"),
        rs.getString("state"),
        rs.getString("call_id"),
        rs.getBoolean("closed"),
        rs.getInt("seconds"));
  }

  /** Stores a wrap-up's length on the answered call it followed. */
  private static void addWrapUp(Handle h, long userId, Closed wrapUp) {
    Long record =
        h.createQuery(
                """
                select id from call_record
                 where id = (select max(id) from call_record
                              where call_id = :call and agent_id = :user)
                   and outcome = 'ANSWERED'
                """)
            .bind("call", wrapUp.callId())
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
          .bind("wrap", wrapUp.seconds())
          .bind("id", record)
          .execute();
      JdbiReportRollups.addCall(h, record, 1);
    }
  }

  private record Closed(long id, String state, String callId, boolean closed, int seconds) {}

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
