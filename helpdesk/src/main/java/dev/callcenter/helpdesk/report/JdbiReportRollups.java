package dev.callcenter.helpdesk.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ReportRollups} on PostgreSQL, and the one SQL shape that turns raw facts into rollup rows:
 * the rebuild runs it over every fact, {@link JdbiReportFacts} over the fact it just wrote, so the
 * two cannot compute differently.
 */
public final class JdbiReportRollups implements ReportRollups {

  private final Jdbi jdbi;

  public JdbiReportRollups(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public Rebuilt rebuild() {
    long t0 = System.nanoTime();
    long[] rows =
        jdbi.inTransaction(
            h -> {
              // Writers touch agent_state_rollup before call_rollup: lock in that order. They
              // write their raw row first and wait here; their rows are not in this snapshot and
              // they add them once this commits.
              h.execute("lock table agent_state_rollup, call_rollup in exclusive mode");
              // The derived column first: rows loaded in bulk (or before V20) may lack it.
              h.execute(
                  """
                  update call_record r set next_offer_at = x.next
                    from (select id, lead(offered_at) over (partition by customer_id
                                                            order by offered_at, id) as next
                            from call_record
                           where customer_id is not null and not transferred_in) x
                   where x.id = r.id and r.next_offer_at is distinct from x.next
                  """);
              h.execute("delete from call_rollup");
              h.execute("delete from agent_state_rollup");
              long calls = h.createUpdate(CALL_INSERT + callSelect("true", 1, "0")).execute();
              calls += h.createUpdate(TEAM_INSERT + teamSelect("true", 1, "0")).execute();
              long states =
                  h.createUpdate(
                          STATE_INSERT + stateSelect("l.ended_at is not null", 1) + STATE_CONFLICT)
                      .execute();
              return new long[] {calls, states};
            });
    return new Rebuilt(rows[0], rows[1], Duration.ofNanos(System.nanoTime() - t0));
  }

  /**
   * Adds ({@code sign} 1) or takes back (-1) one call record's share of the call rollup: its queue
   * and agent rows, then (a statement of its own, so it reads team membership after this
   * transaction holds its lock on call_rollup: see V24's trigger) its agent's teams' rows.
   */
  static void addCall(Handle h, long callRecordId, int sign) {
    String shard = "max(r.id % " + SHARDS + ")";
    h.createUpdate(CALL_INSERT + callSelect("r.id = :id", sign, shard) + CALL_CONFLICT)
        .bind("id", callRecordId)
        .execute();
    h.createUpdate(TEAM_INSERT + teamSelect("r.id = :id", sign, shard) + CALL_CONFLICT)
        .bind("id", callRecordId)
        .execute();
  }

  /**
   * Links a new offer into its customer's chain of offers: it gets the offer after it as its next,
   * and the offer before it gets it as theirs (each change moves that call's share of the rollup).
   */
  static void linkOffer(Handle h, long callRecordId) {
    Long before =
        h.createQuery(
                """
                with x as (select id, customer_id, offered_at from call_record
                            where id = :id and customer_id is not null and not transferred_in)
                select (select p.id from call_record p, x
                         where p.customer_id = x.customer_id and not p.transferred_in
                           and (p.offered_at, p.id) < (x.offered_at, x.id)
                         order by p.offered_at desc, p.id desc limit 1)
                  from x
                """)
            .bind("id", callRecordId)
            .mapTo(Long.class)
            .findOne()
            .orElse(null);
    h.createUpdate(
            """
            update call_record r set next_offer_at =
                   (select min(n.offered_at) from call_record n
                     where n.customer_id = r.customer_id and not n.transferred_in
                       and (n.offered_at, n.id) > (r.offered_at, r.id))
             where r.id = :id and r.customer_id is not null and not r.transferred_in
            """)
        .bind("id", callRecordId)
        .execute();
    if (before != null) {
      addCall(h, before, -1);
      h.createUpdate(
              "update call_record set next_offer_at = (select offered_at from call_record"
                  + " where id = :next) where id = :id")
          .bind("id", before)
          .bind("next", callRecordId)
          .execute();
      addCall(h, before, 1);
    }
  }

  /** Adds closed agent state spans to the state rollup. */
  static void addStateSpans(Handle h, List<Long> stateLogIds) {
    if (stateLogIds.isEmpty()) {
      return;
    }
    h.createUpdate(
            STATE_INSERT
                + stateSelect("l.id = any(:ids) and l.ended_at is not null", 1)
                + STATE_CONFLICT)
        .bindArray("ids", Long.class, stateLogIds)
        .execute();
  }

  // ------------------------------------------------------------------ calls

  /** The measure columns of call_rollup, in order. */
  static final List<String> CALL_MEASURES = callMeasures();

  private static List<String> callMeasures() {
    List<String> m =
        new ArrayList<>(
            List.of(
                "offered",
                "answered",
                "abandoned",
                "unanswered",
                "wait_sum",
                "handled",
                "handle_sum",
                "transfers_out",
                "transfers_in",
                "ended_with_agent",
                "fcr_calls",
                "fcr_resolved"));
    RollupPlan.WITHIN.forEach(t -> m.add("within_" + t));
    RollupPlan.SHORT.forEach(s -> m.add("short_" + s));
    m.addAll(histColumns());
    return List.copyOf(m);
  }

  static List<String> histColumns() {
    return IntStream.range(0, RollupPlan.BINS).mapToObj(i -> String.format("h%02d", i)).toList();
  }

  /**
   * Rows a quarter hour's calls of one queue and tier (or one agent) are spread over by the writer,
   * by call record id, so that concurrent call writers do not queue on one row's lock; a rebuild
   * writes shard 0. Readers sum a slot's rows whatever their shard.
   */
  static final int SHARDS = 8;

  private static final String CALL_INSERT =
      "insert into call_rollup (grain, slot, queue, tier, agent_id, "
          + String.join(", ", CALL_MEASURES)
          + ", shard) ";

  /** Team rows ('T', V24): the agent rows of a team's current members, summed. */
  private static final String TEAM_INSERT =
      "insert into call_rollup (grain, slot, queue, tier, agent_id, "
          + String.join(", ", CALL_MEASURES)
          + ", shard, team) ";

  private static final String CALL_CONFLICT =
      " on conflict (grain, slot, agent_id, queue, tier, team, shard) do update set "
          + CALL_MEASURES.stream()
              .map(c -> c + " = call_rollup." + c + " + excluded." + c)
              .collect(Collectors.joining(", "));

  /** Each measure of call_rollup as an aggregate over call_record rows {@code r}. */
  private static String callAggregates(int sign) {
    String offer = "not r.transferred_in";
    String answered = "r.outcome = 'ANSWERED'";
    String handle = "coalesce(r.talk_seconds, 0) + coalesce(r.wrap_seconds, 0)";
    List<String> a = new ArrayList<>();
    a.add("count(*) filter (where " + offer + ")");
    a.add("count(*) filter (where " + offer + " and " + answered + ")");
    a.add("count(*) filter (where " + offer + " and r.outcome = 'ABANDONED')");
    a.add("count(*) filter (where " + offer + " and r.outcome = 'UNANSWERED')");
    a.add("coalesce(sum(r.wait_seconds) filter (where " + offer + " and " + answered + "), 0)");
    a.add("count(*) filter (where " + answered + ")");
    a.add("coalesce(sum(" + handle + ") filter (where " + answered + "), 0)");
    a.add("count(*) filter (where r.transferred_out)");
    a.add("count(*) filter (where r.transferred_in)");
    a.add("count(*) filter (where " + answered + " and not r.transferred_out)");
    String fcr = offer + " and " + answered + " and r.customer_id is not null";
    a.add("count(*) filter (where " + fcr + ")");
    a.add(
        "count(*) filter (where "
            + fcr
            + " and (r.next_offer_at is null or r.next_offer_at > r.offered_at + interval '"
            + ReportService.FCR_DAYS
            + " days'))");
    for (int t : RollupPlan.WITHIN) {
      a.add(
          "count(*) filter (where "
              + offer
              + " and "
              + answered
              + " and r.wait_seconds <= "
              + t
              + ")");
    }
    for (int s : RollupPlan.SHORT) {
      a.add(
          "count(*) filter (where "
              + offer
              + " and r.outcome = 'ABANDONED' and r.wait_seconds < "
              + s
              + ")");
    }
    for (int i = 0; i < RollupPlan.BINS; i++) {
      a.add("count(*) filter (where " + answered + " and r.bin = " + i + ")");
    }
    return a.stream().map(x -> sign + " * " + x).collect(Collectors.joining(", "));
  }

  /** The handle-time bin (0-based) of a call_record row, as SQL. */
  static final String BIN_SQL =
      "width_bucket(coalesce(talk_seconds, 0) + coalesce(wrap_seconds, 0), array["
          + IntStream.range(1, RollupPlan.BINS)
              .mapToObj(i -> Integer.toString(RollupPlan.HANDLE_BIN_LOWER[i]))
              .collect(Collectors.joining(","))
          + "])";

  /** The slot of a time, as SQL. */
  static String slot(String column) {
    return "date_bin('15 minutes', " + column + ", timestamptz '1970-01-01 00:00:00+00')";
  }

  private static String callSelect(String where, int sign, String shard) {
    String rows = " from (select c.*, " + BIN_SQL + " as bin from call_record c) r where " + where;
    String agg = callAggregates(sign) + ", " + shard;
    return "select 'Q', "
        + slot("r.offered_at")
        + ", coalesce(r.queue, ''), r.tier, 0, "
        + agg
        + rows
        + " group by 2, 3, 4 union all select 'A', "
        + slot("r.offered_at")
        + ", '', '', r.agent_id, "
        + agg
        + rows
        + " and r.agent_id is not null group by 2, 5";
  }

  /**
   * The 'T' rows: each call answered by an agent, once for every team the agent is in now (the raw
   * team filter's meaning; V24's trigger moves an agent's share when that changes).
   */
  private static String teamSelect(String where, int sign, String shard) {
    return "select 'T', "
        + slot("r.offered_at")
        + ", '', '', 0, "
        + callAggregates(sign)
        + ", "
        + shard
        + ", m.team_key from (select c.*, "
        + BIN_SQL
        + " as bin from call_record c) r join team_member m on m.user_id = r.agent_id where "
        + where
        + " group by 2, m.team_key";
  }

  // ------------------------------------------------------------------ agent states

  private static final String STATE_INSERT =
      "insert into agent_state_rollup (slot, user_id, reason, available_us, paused_us, ringing_us,"
          + " on_call_us, wrap_up_us) ";

  private static final String STATE_CONFLICT =
      " on conflict (slot, user_id, reason) do update set"
          + " available_us = agent_state_rollup.available_us + excluded.available_us,"
          + " paused_us = agent_state_rollup.paused_us + excluded.paused_us,"
          + " ringing_us = agent_state_rollup.ringing_us + excluded.ringing_us,"
          + " on_call_us = agent_state_rollup.on_call_us + excluded.on_call_us,"
          + " wrap_up_us = agent_state_rollup.wrap_up_us + excluded.wrap_up_us";

  /**
   * Closed state spans cut at slot boundaries, summed per slot, agent and pause reason. Logged-out
   * time is left out (no report shows it).
   */
  private static String stateSelect(String where, int sign) {
    String us =
        "(extract(epoch from least(l.ended_at, s.slot + interval '15 minutes')"
            + " - greatest(l.started_at, s.slot)) * 1000000)::bigint";
    StringBuilder b = new StringBuilder("select s.slot, l.user_id,");
    b.append(" case when l.state = 'PAUSED' then coalesce(l.reason, '') else '' end");
    for (String state : List.of("AVAILABLE", "PAUSED", "RINGING", "ON_CALL", "WRAP_UP")) {
      b.append(", ")
          .append(sign)
          .append(" * coalesce(sum(")
          .append(us)
          .append(") filter (where l.state = '")
          .append(state)
          .append("'), 0)");
    }
    b.append(" from agent_state_log l cross join lateral generate_series(")
        .append(slot("l.started_at"))
        .append(", l.ended_at - interval '1 microsecond', interval '15 minutes') s(slot)")
        .append(" where l.state <> 'LOGGED_OUT' and l.ended_at > l.started_at and ")
        .append(where)
        .append(" group by 1, 2, 3");
    return b.toString();
  }
}
