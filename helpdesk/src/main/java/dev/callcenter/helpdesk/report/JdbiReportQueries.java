package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.report.Report.Type;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** {@link ReportQueries} on PostgreSQL through Jdbi; every query is bounded by the period. */
public final class JdbiReportQueries implements ReportQueries {

  private final Jdbi jdbi;
  private final boolean rollups;

  public JdbiReportQueries(Jdbi jdbi) {
    this(jdbi, true);
  }

  /**
   * @param rollups false: every figure from the raw rows (what the rollups are checked against)
   */
  public JdbiReportQueries(Jdbi jdbi, boolean rollups) {
    this.jdbi = jdbi;
    this.rollups = rollups;
  }

  private RollupPlan.Source source(ReportPeriod p, ReportFilter f, CallThresholds t) {
    return rollups ? RollupPlan.calls(p, f, t) : RollupPlan.Source.RAW;
  }

  @Override
  public Map<String, Object> callSource(ReportPeriod p, ReportFilter f, CallThresholds t) {
    Map<String, Object> m = new LinkedHashMap<>();
    String reason = rollups ? RollupPlan.rawReason(p, f, t) : "rollupsOff";
    m.put("callSource", reason == null ? "rollup" : "raw");
    if (reason != null) {
      m.put("rawReason", reason);
    }
    if (t != null) {
      m.put("ahtP90", reason != null || RollupPlan.exactP90(p) ? "exact" : "histogram");
    }
    return m;
  }

  private boolean statesFromRollup(ReportPeriod p) {
    return rollups && RollupPlan.statesFromRollup(p);
  }

  /** SQL conditions and their values, built only from fixed fragments. */
  private static final class Where {
    final StringBuilder sql = new StringBuilder();
    final Map<String, Object> binds = new HashMap<>();

    Where add(String condition, String name, Object value) {
      if (value != null) {
        sql.append(" and ").append(condition);
        binds.put(name, value);
      }
      return this;
    }

    void bind(Query q) {
      binds.forEach(q::bind);
    }
  }

  /** Filters on call_record r. */
  private static Where callWhere(ReportFilter f) {
    return new Where()
        .add("r.queue = :queue", "queue", f.queue())
        .add("r.agent_id = :agent", "agent", f.agentId())
        .add(
            "r.agent_id in (select user_id from team_member where team_key = :team)",
            "team",
            f.team())
        .add("r.tier = :tier", "tier", f.tier() == null ? null : f.tier().name());
  }

  /** Filters on ticket t joined with its customer c. */
  private static Where ticketWhere(ReportFilter f) {
    return new Where()
        .add("t.team = :team", "team", f.team())
        .add("t.assignee_id = :agent", "agent", f.agentId())
        .add("t.product = :product", "product", f.product())
        .add(
            "coalesce(c.tier_override, c.tier) = :tier",
            "tier",
            f.tier() == null ? null : f.tier().name());
  }

  private static final String CALL_COUNTS =
      """
      count(*) filter (where not transferred_in) as offered,
      count(*) filter (where not transferred_in and outcome = 'ANSWERED') as answered,
      count(*) filter (where not transferred_in and outcome = 'ABANDONED') as abandoned,
      count(*) filter (where not transferred_in and outcome = 'ABANDONED'
                         and wait_seconds < :short) as short_abandoned,
      count(*) filter (where not transferred_in and outcome = 'UNANSWERED') as unanswered,
      count(*) filter (where not transferred_in and outcome = 'ANSWERED'
                         and wait_seconds <= :sl) as within,
      coalesce(sum(wait_seconds) filter (where not transferred_in and outcome = 'ANSWERED'), 0)
        as wait_sum,
      count(*) filter (where outcome = 'ANSWERED') as handled,
      coalesce(sum(coalesce(talk_seconds, 0) + coalesce(wrap_seconds, 0))
        filter (where outcome = 'ANSWERED'), 0) as handle_sum,
      percentile_disc(0.9) within group (order by coalesce(talk_seconds, 0)
        + coalesce(wrap_seconds, 0)) filter (where outcome = 'ANSWERED') as handle_p90,
      count(*) filter (where transferred_out) as transfers_out,
      count(*) filter (where transferred_in) as transfers_in
      """;

  private static CallCounts counts(ResultSet rs, int bucket) throws SQLException {
    Number p90 = (Number) rs.getObject("handle_p90");
    return counts(rs, bucket, p90 == null ? null : p90.intValue());
  }

  /** The counts of a row with the columns of {@link #CALL_COUNTS} (or the rollup's same names). */
  private static CallCounts counts(ResultSet rs, int bucket, Integer handleP90)
      throws SQLException {
    return new CallCounts(
        bucket,
        rs.getLong("offered"),
        rs.getLong("answered"),
        rs.getLong("abandoned"),
        rs.getLong("short_abandoned"),
        rs.getLong("unanswered"),
        rs.getLong("within"),
        rs.getLong("wait_sum"),
        rs.getLong("handled"),
        rs.getLong("handle_sum"),
        handleP90,
        rs.getLong("transfers_out"),
        rs.getLong("transfers_in"));
  }

  @Override
  public List<CallCounts> calls(ReportPeriod period, ReportFilter filter, CallThresholds t) {
    RollupPlan.Source source = source(period, filter, t);
    if (source != RollupPlan.Source.RAW) {
      return rollupCalls(period, filter, t, source, false);
    }
    Where w = callWhere(filter);
    List<String> bounds = period.bucketStarts().stream().map(Instant::toString).toList();
    String sql =
        "select b, grouping(b) as total, "
            + CALL_COUNTS
            // The bounds in a sub-select: evaluated once, not parsed again for every row.
            + " from (select width_bucket(offered_at, (select cast(:bounds as timestamptz[]))) as"
            + " b, r.* from call_record r where offered_at >= :from and offered_at < :to"
            + w.sql
            + ") r group by grouping sets ((b), ())";
    return jdbi.withHandle(
        h -> {
          Query q =
              h.createQuery(sql)
                  .bindArray("bounds", String.class, bounds)
                  .bind("from", period.start())
                  .bind("to", period.end())
                  .bind("short", t.shortAbandonSeconds())
                  .bind("sl", t.serviceLevelSeconds());
          w.bind(q);
          return q.map((rs, ctx) -> counts(rs, rs.getInt("total") == 1 ? -1 : rs.getInt("b") - 1))
              .list();
        });
  }

  @Override
  public Map<String, CallCounts> callsByTier(
      ReportPeriod period, ReportFilter filter, CallThresholds t) {
    if (source(period, filter, t) == RollupPlan.Source.ROLLUP_QUEUE) {
      Map<String, CallCounts> out = new LinkedHashMap<>();
      for (CallCounts c : rollupCalls(period, filter, t, RollupPlan.Source.ROLLUP_QUEUE, true)) {
        out.put(c.bucket() == 0 ? "VIP" : "STANDARD", c);
      }
      return out;
    }
    Where w = callWhere(filter);
    String sql =
        "select tier, "
            + CALL_COUNTS
            + " from call_record r where offered_at >= :from and offered_at < :to"
            + w.sql
            + " group by tier order by tier desc";
    return jdbi.withHandle(
        h -> {
          Query q =
              h.createQuery(sql)
                  .bind("from", period.start())
                  .bind("to", period.end())
                  .bind("short", t.shortAbandonSeconds())
                  .bind("sl", t.serviceLevelSeconds());
          w.bind(q);
          Map<String, CallCounts> out = new LinkedHashMap<>();
          q.map((rs, ctx) -> Map.entry(rs.getString("tier"), counts(rs, -1)))
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return out;
        });
  }

  /**
   * The call counts from call_rollup: per bucket and for the period, or ({@code byTier}) per tier
   * as bucket 0 (VIP) and 1 (STANDARD). p90 of handle time is exact from the raw rows for short
   * periods, else the histogram's (docs/metrics.md).
   */
  private List<CallCounts> rollupCalls(
      ReportPeriod period,
      ReportFilter filter,
      CallThresholds t,
      RollupPlan.Source source,
      boolean byTier) {
    Where w = rollupWhere(filter, source);
    String shortSum =
        t.shortAbandonSeconds() == 0 ? "0" : "sum(short_" + t.shortAbandonSeconds() + ")";
    StringBuilder sums = new StringBuilder();
    for (String c : List.of("offered", "answered", "abandoned", "unanswered", "wait_sum")) {
      sums.append(", sum(").append(c).append(") as ").append(c);
    }
    for (String c : List.of("handled", "handle_sum", "transfers_out", "transfers_in")) {
      sums.append(", sum(").append(c).append(") as ").append(c);
    }
    sums.append(", sum(within_").append(t.serviceLevelSeconds()).append(") as within");
    sums.append(", ").append(shortSum).append(" as short_abandoned");
    boolean exact = RollupPlan.exactP90(period);
    if (!exact) {
      for (String h : JdbiReportRollups.histColumns()) {
        sums.append(", sum(").append(h).append(") as ").append(h);
      }
    }
    String key =
        byTier
            ? "case when r.tier = 'VIP' then 1 else 2 end"
            : "width_bucket(r.slot, (select cast(:bounds as timestamptz[])))";
    String sql =
        "select b, grouping(b) as total"
            + sums
            + " from (select "
            + key
            + " as b, r.* from call_rollup r where r.grain = :grain and r.slot >= :from"
            + " and r.slot < :to"
            + w.sql
            + ") r group by grouping sets ((b), ())";
    List<String> bounds = period.bucketStarts().stream().map(Instant::toString).toList();
    Map<Integer, Integer> p90 = exact ? rawP90(period, filter, byTier) : Map.of();
    return jdbi.withHandle(
        h -> {
          Query q =
              h.createQuery(sql)
                  .bind("grain", source.grain())
                  .bind("from", period.start())
                  .bind("to", period.end());
          if (!byTier) {
            q.bindArray("bounds", String.class, bounds);
          }
          w.bind(q);
          List<CallCounts> out = new ArrayList<>();
          q.map(
                  (rs, ctx) -> {
                    int b = rs.getInt("total") == 1 ? -1 : rs.getInt("b") - 1;
                    if (byTier && b < 0) {
                      return null;
                    }
                    Integer p;
                    if (exact) {
                      p = p90.get(b);
                    } else {
                      long[] hist = new long[RollupPlan.BINS];
                      for (int i = 0; i < hist.length; i++) {
                        hist[i] = rs.getLong(String.format("h%02d", i));
                      }
                      p = RollupPlan.p90(hist);
                    }
                    return counts(rs, b, p);
                  })
              .forEach(
                  c -> {
                    if (c != null) {
                      out.add(c);
                    }
                  });
          return out;
        });
  }

  /** Filters on call_rollup r of the grain a source reads. */
  private static Where rollupWhere(ReportFilter filter, RollupPlan.Source source) {
    if (source == RollupPlan.Source.ROLLUP_TEAM) {
      return new Where().add("r.team = :team", "team", filter.team());
    }
    return source == RollupPlan.Source.ROLLUP_AGENT
        ? new Where()
            .add("r.agent_id = :agent", "agent", filter.agentId())
            .add(
                "r.agent_id in (select user_id from team_member where team_key = :team)",
                "team",
                filter.team())
        : new Where()
            .add("r.queue = :queue", "queue", filter.queue())
            .add("r.tier = :tier", "tier", filter.tier() == null ? null : filter.tier().name());
  }

  /** Exact nearest-rank p90 of handle time from call_record, per bucket (or tier) and total. */
  private Map<Integer, Integer> rawP90(ReportPeriod period, ReportFilter filter, boolean byTier) {
    Where w = callWhere(filter);
    String key =
        byTier
            ? "case when tier = 'VIP' then 1 else 2 end"
            : "width_bucket(offered_at, (select cast(:bounds as timestamptz[])))";
    String sql =
        "select b, grouping(b) as total, percentile_disc(0.9) within group (order by"
            + " coalesce(talk_seconds, 0) + coalesce(wrap_seconds, 0)) as p90 from (select "
            + key
            + " as b, r.* from call_record r where offered_at >= :from and offered_at < :to"
            + " and outcome = 'ANSWERED'"
            + w.sql
            + ") r group by grouping sets ((b), ())";
    return jdbi.withHandle(
        h -> {
          Query q = h.createQuery(sql).bind("from", period.start()).bind("to", period.end());
          if (!byTier) {
            q.bindArray(
                "bounds",
                String.class,
                period.bucketStarts().stream().map(Instant::toString).toList());
          }
          w.bind(q);
          Map<Integer, Integer> out = new HashMap<>();
          q.map(
                  (rs, ctx) ->
                      new Object[] {
                        rs.getInt("total") == 1 ? -1 : rs.getInt("b") - 1, rs.getObject("p90")
                      })
              .forEach(
                  e -> {
                    if (e[1] != null) {
                      out.put((Integer) e[0], ((Number) e[1]).intValue());
                    }
                  });
          return out;
        });
  }

  @Override
  public Report.Table agentStates(ReportPeriod period, ReportFilter filter, Instant now) {
    Where w =
        new Where()
            .add("l.user_id = :agent", "agent", filter.agentId())
            .add(
                "l.user_id in (select user_id from team_member where team_key = :team)",
                "team",
                filter.team());
    Instant to = period.end().isAfter(now) ? now : period.end();
    List<Report.Column> columns =
        List.of(
            col("agentId", Type.INTEGER),
            col("agent", Type.TEXT),
            col("agentName", Type.TEXT),
            col("state", Type.TEXT),
            col("reason", Type.TEXT),
            col("seconds", Type.SECONDS));
    Instant clippedTo = to.isBefore(period.start()) ? period.start() : to;
    if (statesFromRollup(period)) {
      return rollupAgentStates(period, filter, clippedTo, columns);
    }
    // Logged-out time is not reported; a reason belongs to a pause only.
    String sql =
        """
        select l.user_id, u.username, u.display_name, l.state,
               case when l.state = 'PAUSED' then coalesce(l.reason, '') else '' end as reason,
               sum(extract(epoch from least(coalesce(l.ended_at, :to), :to)
                                      - greatest(l.started_at, :from)))::bigint as seconds
          from agent_state_log l join app_user u on u.id = l.user_id
         where tstzrange(l.started_at, l.ended_at, '[)') && tstzrange(:from, :to, '[)')
           and l.state <> 'LOGGED_OUT'
        """
            + w.sql
            + " group by 1, 2, 3, 4, 5 having sum(extract(epoch from least(coalesce(l.ended_at,"
            + " :to), :to) - greatest(l.started_at, :from))) > 0 order by 2, 4, 5";
    return table("states", sql, Map.of("from", period.start(), "to", clippedTo), w, columns);
  }

  /**
   * Agent time from agent_state_rollup (closed spans) plus the spans still running, read from the
   * log and clipped to {@code to}.
   */
  private Report.Table rollupAgentStates(
      ReportPeriod period, ReportFilter filter, Instant to, List<Report.Column> columns) {
    Where w =
        new Where()
            .add("x.user_id = :agent", "agent", filter.agentId())
            .add(
                "x.user_id in (select user_id from team_member where team_key = :team)",
                "team",
                filter.team());
    String sql =
        """
        with r as (
          select x.user_id, x.reason, sum(x.available_us) as available, sum(x.paused_us) as paused,
                 sum(x.ringing_us) as ringing, sum(x.on_call_us) as on_call,
                 sum(x.wrap_up_us) as wrap_up
            from agent_state_rollup x
           where x.slot >= :from and x.slot < :end
        """
            + w.sql
            + """
             group by 1, 2),
            running as (
              select x.user_id, x.state,
                     case when x.state = 'PAUSED' then coalesce(x.reason, '') else '' end as reason,
                     extract(epoch from cast(:to as timestamptz)
                                        - greatest(x.started_at, :from)) * 1000000 as us
                from agent_state_log x
               where x.ended_at is null and x.started_at < :to and x.state <> 'LOGGED_OUT'
            """
            + w.sql
            + """
            ),
            s as (
              select user_id, state, reason, sum(us) as us from (
                select r.user_id, v.state, v.reason, v.us from r
                 cross join lateral (values ('AVAILABLE', '', r.available),
                                            ('PAUSED', r.reason, r.paused),
                                            ('RINGING', '', r.ringing),
                                            ('ON_CALL', '', r.on_call),
                                            ('WRAP_UP', '', r.wrap_up)) v(state, reason, us)
                union all
                select user_id, state, reason, us from running) y
               group by 1, 2, 3)
            select s.user_id, u.username, u.display_name, s.state, s.reason,
                   (s.us / 1000000)::bigint as seconds
              from s join app_user u on u.id = s.user_id
             where s.us > 0
             order by 2, 4, 5
            """;
    return table(
        "states", sql, Map.of("from", period.start(), "end", period.end(), "to", to), w, columns);
  }

  @Override
  public Report.Table agents(ReportPeriod period, ReportFilter filter) {
    Where w =
        new Where()
            .add("u.id = :agent", "agent", filter.agentId())
            .add(
                "u.id in (select user_id from team_member where team_key = :team)",
                "team",
                filter.team());
    // Calls per agent from the rollup's per-agent rows when the period is on quarter hours.
    String calls =
        statesFromRollup(period)
            ? """
            with calls as (
              select agent_id as id, sum(handled) as answered, sum(handle_sum) as handle,
                     sum(transfers_out) as transfers
                from call_rollup
               where grain = 'A' and slot >= :from and slot < :to
               group by 1 having sum(handled) > 0),
            """
            : """
            with calls as (
              select agent_id as id, count(*) as answered,
                     sum(coalesce(talk_seconds, 0) + coalesce(wrap_seconds, 0)) as handle,
                     count(*) filter (where transferred_out) as transfers
                from call_record
               where offered_at >= :from and offered_at < :to and outcome = 'ANSWERED'
                 and agent_id is not null
               group by 1),
            """;
    String sql =
        calls
            + """
            created as (
              select created_by as id, count(*) as n from ticket
               where created_at >= :from and created_at < :to and created_by is not null group by 1),
            resolved as (
              select assignee_id as id, count(*) as n from ticket
               where resolved_at >= :from and resolved_at < :to and assignee_id is not null
               group by 1),
            csat as (
              select d.user_id as id, count(*) as n, avg(a.rating)::float8 as rating
                from survey_answer a join agent_device d on d.interface = a.agent
               where a.answered_at >= :from and a.answered_at < :to group by 1)
            select u.id, u.username, u.display_name, coalesce(calls.answered, 0) as answered,
                   (calls.handle::float8 / nullif(calls.answered, 0)) as aht,
                   coalesce(calls.transfers, 0) as transfers,
                   coalesce(created.n, 0) as created, coalesce(resolved.n, 0) as resolved,
                   coalesce(csat.n, 0) as surveys, csat.rating
              from app_user u
              left join calls on calls.id = u.id
              left join created on created.id = u.id
              left join resolved on resolved.id = u.id
              left join csat on csat.id = u.id
             where (calls.id is not null or created.id is not null or resolved.id is not null
                    or csat.id is not null)
            """
            + w.sql
            + " order by u.username";
    return table(
        "agents",
        sql,
        Map.of("from", period.start(), "to", period.end()),
        w,
        List.of(
            col("agentId", Type.INTEGER),
            col("agent", Type.TEXT),
            col("agentName", Type.TEXT),
            col("answered", Type.INTEGER),
            col("ahtSeconds", Type.SECONDS),
            col("transfersOut", Type.INTEGER),
            col("ticketsCreated", Type.INTEGER),
            col("ticketsResolved", Type.INTEGER),
            col("surveys", Type.INTEGER),
            col("csat", Type.DECIMAL)));
  }

  @Override
  public Report.Table callbacks(ReportPeriod period, ReportFilter filter) {
    Where w =
        new Where()
            .add("f.team = :queue", "queue", filter.queue())
            .add("f.owner_id = :agent", "agent", filter.agentId());
    // Callbacks are the follow-ups the IVR (CallbackFlow) and missed calls (CallLog) create, marked
    // by their kind; rows from before V18 only by their title "Call back …" (docs/metrics.md).
    String sql =
        """
        select count(*) as requested,
               count(*) filter (where f.status = 'DONE') as done,
               count(*) filter (where f.status = 'OPEN') as open,
               avg(extract(epoch from f.completed_at - f.created_at))
                 filter (where f.status = 'DONE')::float8 as avg_seconds,
               percentile_disc(0.9) within group (order by
                 extract(epoch from f.completed_at - f.created_at)::bigint)
                 filter (where f.status = 'DONE') as p90_seconds,
               count(*) filter (where f.status = 'DONE' and f.completed_at <= f.due_at) as on_time
          from follow_up f
         where (f.kind in ('CALLBACK_MISSED_CALL', 'CALLBACK_IVR')
                or (f.kind is null and f.title like 'Call back %'))
           and f.created_at >= :from and f.created_at < :to
        """
            + w.sql;
    return table(
        "callbacks",
        sql,
        Map.of("from", period.start(), "to", period.end()),
        w,
        List.of(
            col("requested", Type.INTEGER),
            col("done", Type.INTEGER),
            col("open", Type.INTEGER),
            col("avgSecondsToDone", Type.SECONDS),
            col("p90SecondsToDone", Type.SECONDS),
            col("doneByDue", Type.INTEGER)));
  }

  @Override
  public Report.Table ivr(ReportPeriod period, ReportFilter filter) {
    Where w =
        new Where()
            .add("j.queue = :queue", "queue", filter.queue())
            .add(
                "j.customer_id in (select id from customer where coalesce(tier_override, tier) ="
                    + " :tier)",
                "tier",
                filter.tier() == null ? null : filter.tier().name());
    String sql =
        """
        select count(*) filter (where j.outcome is not null) as journeys,
               count(*) filter (where j.outcome = 'COMPLETED') as completed,
               count(*) filter (where j.outcome = 'CALLBACK') as callback,
               count(*) filter (where j.outcome = 'AGENT') as agent,
               count(*) filter (where j.outcome = 'HUNG_UP') as hung_up,
               (count(*) filter (where j.outcome = 'COMPLETED'))::float8
                 / nullif(count(*) filter (where j.outcome is not null), 0) as containment
          from ivr_journey j
         where j.started_at >= :from and j.started_at < :to
        """
            + w.sql;
    return table(
        "ivr",
        sql,
        Map.of("from", period.start(), "to", period.end()),
        w,
        List.of(
            col("journeys", Type.INTEGER),
            col("completed", Type.INTEGER),
            col("callback", Type.INTEGER),
            col("toAgent", Type.INTEGER),
            col("hungUp", Type.INTEGER),
            col("containment", Type.RATIO)));
  }

  @Override
  public Report.Table sla(ReportPeriod period, ReportFilter filter) {
    Where w = ticketWhere(filter);
    // Each ticket's breaches: a short period looks up its tickets' events one by one (sla_event's
    // unique index), a long one hashes every breach once.
    String breaches =
        RollupPlan.exactP90(period)
            ? """
            left join lateral (
              select bool_or(e.target = 'FIRST_RESPONSE') as fr,
                     bool_or(e.target = 'RESOLUTION') as res
                from sla_event e where e.ticket_id = t.id and e.kind = 'BREACH') b on true
            """
            : """
            left join (
              select ticket_id, bool_or(target = 'FIRST_RESPONSE') as fr,
                     bool_or(target = 'RESOLUTION') as res
                from sla_event where kind = 'BREACH' group by ticket_id) b on b.ticket_id = t.id
            """;
    String sql =
        """
        select coalesce(p.id::text, '') as policy, t.type, t.priority,
               coalesce(c.tier_override, c.tier) as tier, count(*) as tickets,
               count(*) filter (where t.first_response_at is not null
                                  and not coalesce(b.fr, false)) as fr_met,
               count(*) filter (where coalesce(b.fr, false)) as fr_breached,
               count(*) filter (where t.first_response_at is null
                                  and not coalesce(b.fr, false)) as fr_running,
               count(*) filter (where t.resolved_at is not null
                                  and not coalesce(b.res, false)) as res_met,
               count(*) filter (where coalesce(b.res, false)) as res_breached,
               count(*) filter (where t.resolved_at is null
                                  and not coalesce(b.res, false)) as res_running
          from ticket t
          join customer c on c.id = t.customer_id
          left join sla_policy p on p.id = t.sla_policy_id
        """
            + breaches
            + " where t.created_at >= :from and t.created_at < :to"
            + w.sql
            + " group by 1, 2, 3, 4 order by 2, 3, 4, 1";
    return table(
        "sla",
        sql,
        Map.of("from", period.start(), "to", period.end()),
        w,
        List.of(
            col("policy", Type.TEXT),
            col("type", Type.TEXT),
            col("priority", Type.TEXT),
            col("tier", Type.TEXT),
            col("tickets", Type.INTEGER),
            col("firstResponseMet", Type.INTEGER),
            col("firstResponseBreached", Type.INTEGER),
            col("firstResponseRunning", Type.INTEGER),
            col("resolutionMet", Type.INTEGER),
            col("resolutionBreached", Type.INTEGER),
            col("resolutionRunning", Type.INTEGER)));
  }

  private static final String OPEN_DUE = "least(t.first_response_due_at, t.resolution_due_at)";

  @Override
  public Report.Table slaTimeToBreach(ReportFilter filter, Instant now) {
    Where w = ticketWhere(filter);
    String sql =
        """
        select band, count(*) as tickets from (
          select case
                   when d <= :now then '0-overdue'
                   when d <= cast(:now as timestamptz) + interval '1 hour' then '1-under-1h'
                   when d <= cast(:now as timestamptz) + interval '4 hours' then '2-1h-4h'
                   when d <= cast(:now as timestamptz) + interval '24 hours' then '3-4h-24h'
                   else '4-over-24h' end as band
            from (select
        """
            + OPEN_DUE
            + """
                     as d from ticket t
            """
            // every ticket has a customer: joined only to filter by tier (V25's index then
            // answers the rest without visiting the tickets)
            + (filter.tier() == null ? "" : " join customer c on c.id = t.customer_id")
            + " where t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')"
            + w.sql
            + """
                 ) o where d is not null) x
             group by band order by band
            """;
    return table(
        "timeToBreach",
        sql,
        Map.of("now", now),
        w,
        List.of(col("band", Type.TEXT), col("tickets", Type.INTEGER)));
  }

  @Override
  public Report.Table slaAtRisk(ReportFilter filter, Instant now, int limit) {
    Where w = ticketWhere(filter);
    String sql =
        """
        select t.id, t.title, c.name, coalesce(c.tier_override, c.tier) as tier, t.type,
               t.priority,
               case when t.first_response_warn_at <= :now and t.first_response_due_at > :now
                    then 'FIRST_RESPONSE' else 'RESOLUTION' end as target,
               case when t.first_response_warn_at <= :now and t.first_response_due_at > :now
                    then t.first_response_due_at else t.resolution_due_at end as due_at
          from ticket t join customer c on c.id = t.customer_id
         where t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')
           and ((t.first_response_warn_at <= :now and t.first_response_due_at > :now)
             or (t.resolution_warn_at <= :now and t.resolution_due_at > :now))
        """
            + w.sql
            + " order by due_at, t.id limit :limit";
    return table(
        "atRisk",
        sql,
        Map.of("now", now, "limit", limit),
        w,
        List.of(
            col("ticketId", Type.INTEGER),
            col("title", Type.TEXT),
            col("customer", Type.TEXT),
            col("tier", Type.TEXT),
            col("type", Type.TEXT),
            col("priority", Type.TEXT),
            col("target", Type.TEXT),
            col("dueAt", Type.INSTANT)));
  }

  @Override
  public Report.Table complaintsBy(String dimension, ReportPeriod period, ReportFilter filter) {
    String key =
        switch (dimension) {
          case "product" -> "coalesce(t.product, '')";
          case "version" -> "coalesce(t.product, '') || ' ' || coalesce(t.product_version, '')";
          case "channel" -> "t.source";
          case "cause" -> "coalesce(tag, '')";
          default -> throw new IllegalArgumentException(dimension);
        };
    String from =
        "cause".equals(dimension)
            ? " from ticket t join customer c on c.id = t.customer_id left join lateral unnest(case"
                + " when cardinality(t.tags) = 0 then array[null]::text[] else t.tags end) tag on"
                + " true"
            : " from ticket t join customer c on c.id = t.customer_id";
    Where w = ticketWhere(filter);
    String sql =
        "select "
            + key
            + " as key, count(*) as complaints, count(*) filter (where t.resolved_at is not null)"
            + " as resolved, count(*) filter (where t.resolved_at is not null and t.resolved_at <="
            + " t.promised_by) as by_promise, (count(*) filter (where t.resolved_at is not null and"
            + " t.resolved_at <= t.promised_by))::float8   / nullif(count(*) filter (where"
            + " t.resolved_at is not null), 0) as promise_kept, avg(extract(epoch from"
            + " t.resolved_at - t.created_at))::float8 as avg_resolve_seconds, count(*) filter"
            + " (where t.resolved_at is null and t.promised_by < :now) as overdue_open"
            + from
            + " where t.type = 'COMPLAINT' and t.created_at >= :from and t.created_at < :to"
            + w.sql
            + " group by 1 order by 2 desc, 1";
    return table(
        "by" + Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1),
        sql,
        Map.of("from", period.start(), "to", period.end(), "now", period.end()),
        w,
        List.of(
            col(dimension, Type.TEXT),
            col("complaints", Type.INTEGER),
            col("resolved", Type.INTEGER),
            col("resolvedByPromise", Type.INTEGER),
            col("promiseKept", Type.RATIO),
            col("avgResolveSeconds", Type.SECONDS),
            col("openPastPromise", Type.INTEGER)));
  }

  @Override
  public Map<LocalDate, Long> complaintsPerWeek(
      LocalDate firstMonday, Instant end, ZoneId zone, ReportFilter filter) {
    Where w = ticketWhere(filter);
    String sql =
        "select (date_trunc('week', t.created_at at time zone :zone))::date as week, count(*) as n"
            + " from ticket t join customer c on c.id = t.customer_id"
            + " where t.type = 'COMPLAINT' and t.created_at >= :from and t.created_at < :to"
            + w.sql
            + " group by 1 order by 1";
    return jdbi.withHandle(
        h -> {
          Query q =
              h.createQuery(sql)
                  .bind("zone", zone.getId())
                  .bind("from", firstMonday.atStartOfDay(zone).toInstant())
                  .bind("to", end);
          w.bind(q);
          Map<LocalDate, Long> out = new LinkedHashMap<>();
          q.map((rs, ctx) -> Map.entry(rs.getObject("week", LocalDate.class), rs.getLong("n")))
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return out;
        });
  }

  @Override
  public Report.Table repeatComplainers(ReportPeriod period, ReportFilter filter, int limit) {
    Where w = ticketWhere(filter);
    String sql =
        """
        select c.id, c.name, coalesce(c.tier_override, c.tier) as tier, count(*) as complaints,
               count(*) filter (where t.resolved_at is null) as open
          from ticket t join customer c on c.id = t.customer_id
         where t.type = 'COMPLAINT' and t.created_at >= :from and t.created_at < :to
        """
            + w.sql
            + " group by 1, 2, 3 having count(*) >= 2 order by 4 desc, 1 limit :limit";
    return table(
        "repeatComplainers",
        sql,
        Map.of("from", period.start(), "to", period.end(), "limit", limit),
        w,
        List.of(
            col("customerId", Type.INTEGER),
            col("customer", Type.TEXT),
            col("tier", Type.TEXT),
            col("complaints", Type.INTEGER),
            col("open", Type.INTEGER)));
  }

  /** Filters on survey_answer a (with its ticket t and customer c left-joined). */
  private static Where surveyWhere(ReportFilter f) {
    return new Where()
        .add("a.queue = :queue", "queue", f.queue())
        .add(
            "a.agent in (select interface from agent_device where user_id = :agent)",
            "agent",
            f.agentId())
        .add(
            "a.agent in (select d.interface from agent_device d join team_member m"
                + " on m.user_id = d.user_id where m.team_key = :team)",
            "team",
            f.team())
        .add("t.product = :product", "product", f.product())
        .add(
            "coalesce(c.tier_override, c.tier) = :tier",
            "tier",
            f.tier() == null ? null : f.tier().name());
  }

  private static final String SURVEY_FROM =
      " from survey_answer a left join ticket t on t.id = a.ticket_id"
          + " left join customer c on c.id = a.customer_id";

  private static final String SURVEY_FIGURES =
      """
      count(*) as answers, avg(a.rating)::float8 as csat,
      count(*) filter (where a.rating = 1) as r1, count(*) filter (where a.rating = 2) as r2,
      count(*) filter (where a.rating = 3) as r3, count(*) filter (where a.rating = 4) as r4,
      count(*) filter (where a.rating = 5) as r5,
      (count(*) filter (where a.rating >= 4))::float8 / nullif(count(*), 0) as satisfied,
      (count(*) filter (where a.solved))::float8
        / nullif(count(*) filter (where a.solved is not null), 0) as solved
      """;

  private static List<Report.Column> surveyColumns(String first) {
    List<Report.Column> cols = new ArrayList<>();
    if (first != null) {
      cols.add(col(first, Type.TEXT));
    }
    cols.addAll(
        List.of(
            col("answers", Type.INTEGER),
            col("csat", Type.DECIMAL),
            col("rating1", Type.INTEGER),
            col("rating2", Type.INTEGER),
            col("rating3", Type.INTEGER),
            col("rating4", Type.INTEGER),
            col("rating5", Type.INTEGER),
            col("satisfiedShare", Type.RATIO),
            col("problemSolved", Type.RATIO)));
    return cols;
  }

  @Override
  public Report.Table satisfaction(ReportPeriod period, ReportFilter filter, int fcrDays) {
    Where w = surveyWhere(filter);
    Where cw =
        callWhere(
            new ReportFilter(filter.queue(), filter.team(), filter.agentId(), null, filter.tier()));
    w.binds.putAll(cw.binds);
    // Response rate: answers ÷ calls that ended with an agent (the survey follows the last agent).
    // FCR: answered offers of identified callers whose customer's next offer (in any queue,
    // call_record.next_offer_at) came more than fcrDays later or not at all.
    RollupPlan.Source source = source(period, filter, null);
    String calls;
    if (source != RollupPlan.Source.RAW && fcrDays == ReportService.FCR_DAYS) {
      Where rw = rollupWhere(filter, source);
      w.binds.putAll(rw.binds);
      w.binds.put("grain", source.grain());
      calls =
          "), k as (select coalesce(sum(ended_with_agent), 0) as calls, coalesce(sum(fcr_calls), 0)"
              + " as fcr_n, coalesce(sum(fcr_resolved), 0) as fcr_r from call_rollup r where"
              + " r.grain = :grain and r.slot >= :from and r.slot < :to"
              + rw.sql
              + ")";
    } else {
      calls =
          "), k as (select count(*) filter (where not r.transferred_out) as calls, count(*)"
              + " filter (where not r.transferred_in and r.customer_id is not null) as fcr_n,"
              + " count(*) filter (where not r.transferred_in and r.customer_id is not null and"
              + " (r.next_offer_at is null or r.next_offer_at > r.offered_at +"
              + " make_interval(days => :fcrDays))) as fcr_r from call_record r where"
              + " r.offered_at >= :from and r.offered_at < :to and r.outcome = 'ANSWERED'"
              + cw.sql
              + ")";
    }
    String sql =
        "with s as (select "
            + SURVEY_FIGURES
            + SURVEY_FROM
            + " where a.answered_at >= :from and a.answered_at < :to"
            + w.sql
            + calls
            + " select s.*, k.calls, s.answers::float8 / nullif(k.calls, 0) as response_rate,"
            + " k.fcr_n, k.fcr_r::float8 / nullif(k.fcr_n, 0) as fcr from s, k";
    List<Report.Column> cols = surveyColumns(null);
    cols.add(col("surveyedCalls", Type.INTEGER));
    cols.add(col("responseRate", Type.RATIO));
    cols.add(col("fcrCalls", Type.INTEGER));
    cols.add(col("firstContactResolution", Type.RATIO));
    return table(
        "summary",
        sql,
        Map.of("from", period.start(), "to", period.end(), "fcrDays", fcrDays),
        w,
        cols);
  }

  @Override
  public Report.Table satisfactionBy(String dimension, ReportPeriod period, ReportFilter filter) {
    String key =
        switch (dimension) {
          case "agent" -> "coalesce(ag.username, a.agent, '')";
          case "queue" -> "coalesce(a.queue, '')";
          case "product" -> "coalesce(t.product, '')";
          case "type" -> "coalesce(t.type, '')";
          default -> throw new IllegalArgumentException(dimension);
        };
    Where w = surveyWhere(filter);
    String sql =
        "select "
            + key
            + " as key, "
            + SURVEY_FIGURES
            + SURVEY_FROM
            // interface is unique: at most one user per survey answer
            + ("agent".equals(dimension)
                ? " left join (select d.interface, u.username from agent_device d join app_user u"
                    + " on u.id = d.user_id) ag on ag.interface = a.agent"
                : "")
            + " where a.answered_at >= :from and a.answered_at < :to"
            + w.sql
            + " group by 1 order by 2 desc, 1";
    return table(
        "by" + Character.toUpperCase(dimension.charAt(0)) + dimension.substring(1),
        sql,
        Map.of("from", period.start(), "to", period.end()),
        w,
        surveyColumns(dimension));
  }

  @Override
  public Report.Table pareto(ReportFilter filter, int limit) {
    Where w =
        new Where()
            .add(
                "coalesce(c.tier_override, c.tier) = :tier",
                "tier",
                filter.tier() == null ? null : filter.tier().name());
    // The first rows from the (value desc, id) index, the total from one pass over customers.
    String sql =
        """
        with top as (
          select c.id, c.name, coalesce(c.tier_override, c.tier) as tier, c.value_12m as value
            from customer c where true
        """
            + w.sql
            + """
             order by c.value_12m desc, c.id limit :limit),
            total as (select sum(c.value_12m) as t from customer c where true
            """
            + w.sql
            + """
            )
            select id, name, tier, value,
                   row_number() over (order by value desc, id) as rank,
                   (sum(value) over (order by value desc, id) / nullif(total.t, 0))::float8
                     as cumulative_share
              from top, total order by rank
            """;
    return table(
        "pareto",
        sql,
        Map.of("limit", limit),
        w,
        List.of(
            col("customerId", Type.INTEGER),
            col("customer", Type.TEXT),
            col("tier", Type.TEXT),
            col("value12m", Type.DECIMAL),
            col("rank", Type.INTEGER),
            col("cumulativeShare", Type.RATIO)));
  }

  @Override
  public Report.Table paretoCurve(ReportFilter filter) {
    Where w =
        new Where()
            .add(
                "coalesce(c.tier_override, c.tier) = :tier",
                "tier",
                filter.tier() == null ? null : filter.tier().name());
    // The count and total in one pass, the running sum in one ordered pass (the rank index, no
    // sort); the 20 points join the ranks they need. Values are never negative (V1's check), so
    // the running sum is the share held by the first k customers.
    String sql =
        "with n as (select count(*) as n, sum(c.value_12m) as total from customer c where true"
            + w.sql
            + """
            ),
            points as (select pct, case when n.n = 0 then null
                                        else ceil(n.n * pct / 100.0)::bigint end as k, n.total
                         from generate_series(5, 100, 5) pct, n),
            ranked as (
              select row_number() over o as rank, sum(c.value_12m) over o as running
                from customer c where true
            """
            + w.sql
            + """
              window o as (order by c.value_12m desc, c.id rows unbounded preceding))
            select p.pct::float8 / 100 as customer_share,
                   (r.running / nullif(p.total, 0))::float8 as value_share, p.k as customers
              from points p left join ranked r on r.rank = p.k
             order by p.pct
            """;
    return table(
        "curve",
        sql,
        Map.of(),
        w,
        List.of(
            col("customerShare", Type.RATIO),
            col("valueShare", Type.RATIO),
            col("customers", Type.INTEGER)));
  }

  @Override
  public Report.Table vipsNeedingAttention(int limit) {
    // VIPs by value, each with its open tickets counted, until the list is full: the top VIPs
    // mostly have an open complaint, so this stops after about the first hundred instead of
    // counting every VIP's open tickets (the sub-select's order keeps the walk in value order).
    String sql =
        """
        select c.id, c.name, c.value_12m, k.open_complaints, k.open_breached
          from (select c.id, c.name, c.value_12m from customer c
                 where coalesce(c.tier_override, c.tier) = 'VIP'
                 order by c.value_12m desc, c.id offset 0) c
          cross join lateral (
            select count(*) filter (where t.type = 'COMPLAINT') as open_complaints,
                   count(b.ticket_id) as open_breached
              from ticket t
              -- one look-up per ticket (an exists here was evaluated twice)
              left join lateral (select e.ticket_id from sla_event e
                                  where e.ticket_id = t.id and e.kind = 'BREACH' limit 1) b on true
             where t.customer_id = c.id and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')) k
         where k.open_complaints > 0 or k.open_breached > 0
         order by c.value_12m desc, c.id limit :limit
        """;
    return table(
        "vipAttention",
        sql,
        Map.of("limit", limit),
        new Where(),
        List.of(
            col("customerId", Type.INTEGER),
            col("customer", Type.TEXT),
            col("value12m", Type.DECIMAL),
            col("openComplaints", Type.INTEGER),
            col("openBreached", Type.INTEGER)));
  }

  /**
   * The churn rule (docs/metrics.md) per customer: at least 3 inbound contacts in the 90 days
   * before the last 90 before :end, and in the last 90 days at most half as many.
   */
  private static final String CHURN_CONTACTS =
      """
      with contacts as (
        select i.customer_id,
               -- the bounds as sub-selects: computed once, not for each of the 300,000 rows
               -- (timestamptz minus interval is not folded by the planner; it was half the time)
               count(*) filter (where i.started_at
                                      < (select cast(:end as timestamptz) - interval '90 days'))
                 as before,
               count(*) filter (where i.started_at
                                      >= (select cast(:end as timestamptz) - interval '90 days'))
                 as recent
          from interaction i
         where i.direction = 'INBOUND' and i.customer_id is not null
           and i.started_at >= cast(:end as timestamptz) - interval '180 days'
           and i.started_at < :upto
         group by 1)
      """;

  /**
   * A kept snapshot's customers with their counts now: for an end still to come, the contacts since
   * the snapshot was computed are added (a customer not at risk then cannot be at risk later: the
   * earlier window is over and the recent count only grows).
   */
  private static final String CHURN_KEPT =
      """
      (select s.customer_id, s.before, s.recent + coalesce(d.n, 0) as recent
         from churn_snapshot x
         cross join unnest(x.customer_ids, x.before, x.recent) as s(customer_id, before, recent)
         left join (select i.customer_id, count(*) as n from interaction i
                     where i.direction = 'INBOUND' and i.customer_id is not null
                       and i.started_at >= cast(:computed as timestamptz) and i.started_at < :end
                     group by 1) d on d.customer_id = s.customer_id
        where x.end_at = :end)
      """;

  private static final String CHURN_RULE = " k.before >= 3 and k.recent * 2 <= k.before";

  private static final List<Report.Column> CHURN_COLUMNS =
      List.of(
          col("customerId", Type.INTEGER),
          col("customer", Type.TEXT),
          col("tier", Type.TEXT),
          col("value12m", Type.DECIMAL),
          col("contactsBefore", Type.INTEGER),
          col("contactsRecent", Type.INTEGER));

  /** Snapshots kept for this many ends at most (the most recently computed). */
  static final int CHURN_SNAPSHOTS = 50;

  @Override
  public Churn churnRisk(Instant end, Instant now, ReportFilter filter, int limit) {
    Where w =
        new Where()
            .add(
                "coalesce(c.tier_override, c.tier) = :tier",
                "tier",
                filter.tier() == null ? null : filter.tier().name());
    // The customers' name, tier and value now; only the contact counts are kept per end.
    String list =
        " select c.id, c.name, coalesce(c.tier_override, c.tier) as tier, c.value_12m,"
            + " k.before, k.recent from %s k join customer c on c.id = k.customer_id where"
            + CHURN_RULE
            + w.sql
            + " order by c.value_12m desc, c.id limit :limit";
    Map<String, Object> binds = Map.of("end", end, "upto", end, "limit", limit);
    if (!rollups || end.minus(Duration.ofDays(90)).isAfter(now)) {
      // without rollups, or for an end so far ahead that its earlier 90 days are not over: counted
      // every time
      return new Churn(
          table("churnRisk", CHURN_CONTACTS + list.formatted("contacts"), binds, w, CHURN_COLUMNS),
          null);
    }
    return jdbi.inTransaction(
        h -> {
          Instant computed = churnSnapshot(h, end);
          if (computed == null) {
            // Inbound contacts written meanwhile drop snapshots of their window (V25's trigger,
            // which waits for this lock): counted here, or dropping what this keeps.
            h.execute("lock table churn_snapshot in share row exclusive mode");
            computed = churnSnapshot(h, end);
            if (computed == null) {
              computed = now;
              // Contacts up to now (for an end still to come) are kept; later ones are added
              // when read (CHURN_KEPT). One row: the customers at risk and their counts.
              h.createUpdate(
                      CHURN_CONTACTS
                          + " insert into churn_snapshot (end_at, computed_at, customer_ids,"
                          + " before, recent) select :end, :at,"
                          + " coalesce(array_agg(k.customer_id order by k.customer_id), '{}'),"
                          + " coalesce(array_agg(k.before order by k.customer_id), '{}'),"
                          + " coalesce(array_agg(k.recent order by k.customer_id), '{}')"
                          + " from contacts k where"
                          + CHURN_RULE)
                  .bind("end", end)
                  .bind("at", computed)
                  .bind("upto", end.isBefore(computed) ? end : computed)
                  .execute();
              h.createUpdate(
                      "delete from churn_snapshot where end_at not in (select end_at from"
                          + " churn_snapshot order by computed_at desc, end_at desc limit :keep)")
                  .bind("keep", CHURN_SNAPSHOTS)
                  .execute();
            }
          }
          Map<String, Object> kept = new HashMap<>(binds);
          kept.put("computed", computed);
          return new Churn(
              table(h, "churnRisk", list.formatted(CHURN_KEPT), kept, w, CHURN_COLUMNS), computed);
        });
  }

  private static Instant churnSnapshot(Handle h, Instant end) {
    return h.createQuery("select computed_at from churn_snapshot where end_at = :end")
        .bind("end", end)
        .mapTo(Instant.class)
        .findOne()
        .orElse(null);
  }

  @Override
  public List<Report.Table> fieldService(ReportPeriod period, ReportFilter filter) {
    JdbiFieldServiceFacts facts = new JdbiFieldServiceFacts(jdbi);
    // Every order with what per technician and day needs, the costs summed per technician in
    // SQL, and all facts only for the orders listed.
    List<FieldServiceFigures.OrderFact> visits = facts.visits(period, filter);
    java.util.Set<Long> technicians = new java.util.HashSet<>();
    visits.forEach(o -> technicians.add(o.technicianId()));
    return FieldServiceFigures.tables(
        period,
        visits,
        facts.costs(period, filter),
        facts.orders(period, filter, FieldServiceFigures.MAX_ORDERS),
        facts.technicians(technicians, period.from(), period.to()),
        dev.callcenter.helpdesk.dispatch.TravelModel.DEFAULT);
  }

  // ------------------------------------------------------------------

  private static Report.Column col(String code, Type type) {
    return new Report.Column(code, type);
  }

  private Report.Table table(
      String code, String sql, Map<String, Object> binds, Where w, List<Report.Column> columns) {
    return jdbi.withHandle((Handle h) -> table(h, code, sql, binds, w, columns));
  }

  private static Report.Table table(
      Handle h,
      String code,
      String sql,
      Map<String, Object> binds,
      Where w,
      List<Report.Column> columns) {
    Query q = h.createQuery(sql);
    binds.forEach(q::bind);
    w.bind(q);
    List<List<Object>> rows =
        q.map(
                (rs, ctx) -> {
                  List<Object> row = new ArrayList<>(columns.size());
                  for (int i = 0; i < columns.size(); i++) {
                    row.add(value(rs.getObject(i + 1), columns.get(i).type()));
                  }
                  return row;
                })
            .list();
    return new Report.Table(code, columns, rows);
  }

  private static Object value(Object raw, Type type) {
    if (raw == null) {
      return null;
    }
    return switch (type) {
      case INTEGER, SECONDS ->
          raw instanceof Number n
              ? (Object) Math.round(n.doubleValue())
              : (Object) Long.parseLong(raw.toString());
      case DECIMAL, RATIO -> ((Number) raw).doubleValue();
      case INSTANT ->
          raw instanceof Timestamp ts
              ? ts.toInstant()
              : raw instanceof java.time.OffsetDateTime o ? o.toInstant() : raw;
      case DATE -> raw instanceof java.sql.Date d ? d.toLocalDate() : raw;
      case TEXT -> raw instanceof BigDecimal b ? b.toPlainString() : raw.toString();
    };
  }
}
