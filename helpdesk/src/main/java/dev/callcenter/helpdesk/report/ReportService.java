package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.report.Report.Type;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The reports managers act on (docs/metrics.md): calls, agents, SLA, complaints, satisfaction,
 * customers 80/20 and field service, each over a period in a time zone with filters.
 */
public final class ReportService {

  /** The reports by their code, in the order the pages list them. */
  public static final List<String> NAMES =
      List.of("calls", "agents", "sla", "complaints", "satisfaction", "customers", "field-service");

  /**
   * A further call from the same customer within this many days undoes first-contact resolution.
   */
  public static final int FCR_DAYS = 7;

  private static final int LIST_LIMIT = 100;

  private final ReportQueries queries;
  private final Clock clock;

  public ReportService(ReportQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  /** Everything a report request can carry. */
  public record Request(
      String name,
      ReportPeriod period,
      ReportFilter filter,
      CallThresholds thresholds,
      ComplaintSpikes spikes) {
    public Request {
      if (!NAMES.contains(name)) {
        throw new ValidationException("report", "must be one of " + String.join(", ", NAMES));
      }
      filter = filter == null ? ReportFilter.none() : filter;
      thresholds = thresholds == null ? CallThresholds.defaults() : thresholds;
      spikes = spikes == null ? ComplaintSpikes.DEFAULT : spikes;
    }
  }

  /** Runs the named report. */
  public Report run(Request r) {
    return switch (r.name()) {
      case "calls" -> calls(r.period(), r.filter(), r.thresholds());
      case "agents" -> agents(r.period(), r.filter());
      case "sla" -> sla(r.period(), r.filter());
      case "complaints" -> complaints(r.period(), r.filter(), r.spikes());
      case "satisfaction" -> satisfaction(r.period(), r.filter());
      case "customers" -> customers(r.period(), r.filter(), r.thresholds());
      case "field-service" -> fieldService(r.period(), r.filter());
      default -> throw new IllegalStateException(r.name());
    };
  }

  private static Map<String, Object> parameters(ReportPeriod p, ReportFilter f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("from", p.from());
    m.put("to", p.to());
    m.put("zone", p.zone().getId());
    m.put("bucket", p.bucket().wireName());
    m.put("start", p.start());
    m.put("end", p.end());
    if (f.queue() != null) m.put("queue", f.queue());
    if (f.team() != null) m.put("team", f.team());
    if (f.agentId() != null) m.put("agent", f.agentId());
    if (f.product() != null) m.put("product", f.product());
    if (f.tier() != null) m.put("tier", f.tier().name());
    return m;
  }

  private static List<String> ignored(ReportFilter f, Set<String> applies) {
    List<String> out = new ArrayList<>();
    if (f.queue() != null && !applies.contains("queue")) out.add("queue");
    if (f.team() != null && !applies.contains("team")) out.add("team");
    if (f.agentId() != null && !applies.contains("agent")) out.add("agent");
    if (f.product() != null && !applies.contains("product")) out.add("product");
    if (f.tier() != null && !applies.contains("tier")) out.add("tier");
    return out;
  }

  // ---------------------------------------------------------------- calls

  private static final List<Report.Column> KPI_COLUMNS =
      List.of(
          new Report.Column("offered", Type.INTEGER),
          new Report.Column("answered", Type.INTEGER),
          new Report.Column("abandoned", Type.INTEGER),
          new Report.Column("shortAbandoned", Type.INTEGER),
          new Report.Column("unanswered", Type.INTEGER),
          new Report.Column("serviceLevelAnswered", Type.RATIO),
          new Report.Column("serviceLevelOffered", Type.RATIO),
          new Report.Column("serviceLevelOfferedExShort", Type.RATIO),
          new Report.Column("abandonRate", Type.RATIO),
          new Report.Column("asaSeconds", Type.SECONDS),
          new Report.Column("ahtSeconds", Type.SECONDS),
          new Report.Column("ahtP90Seconds", Type.SECONDS),
          new Report.Column("transfersOut", Type.INTEGER),
          new Report.Column("transfersIn", Type.INTEGER));

  private static List<Object> kpiValues(CallKpis k) {
    return new ArrayList<>(
        java.util.Arrays.asList(
            k.offered(),
            k.answered(),
            k.abandoned(),
            k.shortAbandoned(),
            k.unanswered(),
            k.serviceLevelAnswered(),
            k.serviceLevelOffered(),
            k.serviceLevelOfferedExShort(),
            k.abandonRate(),
            k.asaSeconds(),
            k.ahtSeconds(),
            k.ahtP90Seconds() == null ? null : (double) k.ahtP90Seconds(),
            k.transfersOut(),
            k.transfersIn()));
  }

  /** The call KPIs per bucket and for the period, callbacks, IVR containment and occupancy. */
  public Report calls(ReportPeriod period, ReportFilter filter, CallThresholds thresholds) {
    List<CallCounts> counts = queries.calls(period, filter, thresholds);
    List<Instant> starts = period.bucketStarts();
    CallCounts[] byBucket = new CallCounts[starts.size()];
    CallCounts total = CallCounts.empty(-1);
    for (CallCounts c : counts) {
      if (c.bucket() < 0) {
        total = c;
      } else if (c.bucket() < byBucket.length) {
        byBucket[c.bucket()] = c;
      }
    }
    List<Report.Column> seriesColumns = new ArrayList<>();
    seriesColumns.add(new Report.Column("bucketStart", Type.INSTANT));
    seriesColumns.addAll(KPI_COLUMNS);
    List<List<Object>> series = new ArrayList<>();
    for (int i = 0; i < byBucket.length; i++) {
      List<Object> row = new ArrayList<>();
      row.add(starts.get(i));
      row.addAll(kpiValues(CallKpis.of(byBucket[i] == null ? CallCounts.empty(i) : byBucket[i])));
      series.add(row);
    }
    Report.Table summary =
        new Report.Table("summary", KPI_COLUMNS, List.of(kpiValues(CallKpis.of(total))));

    Report.Table states = queries.agentStates(period, filter, clock.instant());
    Report.Table occupancy = occupancy(states);

    Map<String, Object> params = parameters(period, filter);
    params.put("serviceLevelSeconds", thresholds.serviceLevelSeconds());
    params.put("shortAbandonSeconds", thresholds.shortAbandonSeconds());
    params.putAll(queries.callSource(period, filter, thresholds));
    List<String> ignored = ignored(filter, Set.of("queue", "team", "agent", "tier"));
    return new Report(
        "calls",
        params,
        ignored,
        List.of(
            summary,
            new Report.Table("series", seriesColumns, series),
            queries.callbacks(period, filter),
            queries.ivr(period, filter),
            occupancy));
  }

  /**
   * Occupancy = (on call + wrap-up) ÷ (on call + wrap-up + available + ringing); paused and logged
   * out are left out.
   */
  static Report.Table occupancy(Report.Table states) {
    long handling = 0;
    long idle = 0;
    long paused = 0;
    int state = states.index("state");
    int seconds = states.index("seconds");
    for (List<Object> r : states.rows()) {
      long s = (Long) r.get(seconds);
      switch ((String) r.get(state)) {
        case "ON_CALL", "WRAP_UP" -> handling += s;
        case "AVAILABLE", "RINGING" -> idle += s;
        case "PAUSED" -> paused += s;
        default -> {}
      }
    }
    return new Report.Builder("occupancy")
        .column("handlingSeconds", Type.SECONDS)
        .column("idleSeconds", Type.SECONDS)
        .column("pausedSeconds", Type.SECONDS)
        .column("occupancy", Type.RATIO)
        .row(handling, idle, paused, Report.ratio(handling, handling + idle))
        .build();
  }

  // ---------------------------------------------------------------- agents

  public Report agents(ReportPeriod period, ReportFilter filter) {
    Report.Table states = queries.agentStates(period, filter, clock.instant());
    Report.Table agents = queries.agents(period, filter);
    // Time per state beside each agent's calls, and pauses by reason in their own table.
    Map<Long, long[]> perAgent = new LinkedHashMap<>();
    Report.Builder pauses =
        new Report.Builder("pauses")
            .column("agent", Type.TEXT)
            .column("reason", Type.TEXT)
            .column("seconds", Type.SECONDS);
    List<String> order = List.of("AVAILABLE", "PAUSED", "RINGING", "ON_CALL", "WRAP_UP");
    for (List<Object> r : states.rows()) {
      long id = (Long) r.get(0);
      String state = (String) r.get(3);
      long s = (Long) r.get(5);
      int idx = order.indexOf(state);
      if (idx >= 0) {
        perAgent.computeIfAbsent(id, k -> new long[order.size()])[idx] += s;
      }
      if ("PAUSED".equals(state)) {
        pauses.row(r.get(1), r.get(4), s);
      }
    }
    List<Report.Column> cols = new ArrayList<>(agents.columns());
    cols.addAll(
        List.of(
            new Report.Column("availableSeconds", Type.SECONDS),
            new Report.Column("pausedSeconds", Type.SECONDS),
            new Report.Column("ringingSeconds", Type.SECONDS),
            new Report.Column("onCallSeconds", Type.SECONDS),
            new Report.Column("wrapUpSeconds", Type.SECONDS),
            new Report.Column("occupancy", Type.RATIO)));
    List<List<Object>> rows = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (List<Object> r : agents.rows()) {
      long id = (Long) r.get(0);
      seen.add(id);
      rows.add(withStates(r, perAgent.get(id)));
    }
    // Agents who were logged in but took no call and touched no ticket still have their time.
    for (List<Object> r : states.rows()) {
      long id = (Long) r.get(0);
      if (seen.add(id)) {
        List<Object> row =
            new ArrayList<>(
                java.util.Arrays.asList(id, r.get(1), r.get(2), 0L, null, 0L, 0L, 0L, 0L, null));
        rows.add(withStates(row, perAgent.get(id)));
      }
    }
    Map<String, Object> params = parameters(period, filter);
    // the agents report applies no queue or tier filter
    params.putAll(
        queries.callSource(
            period, new ReportFilter(null, filter.team(), filter.agentId(), null, null), null));
    return new Report(
        "agents",
        params,
        ignored(filter, Set.of("team", "agent")),
        List.of(new Report.Table("agents", cols, rows), pauses.build()));
  }

  private static List<Object> withStates(List<Object> row, long[] s) {
    List<Object> out = new ArrayList<>(row);
    long[] v = s == null ? new long[5] : s;
    for (long x : v) {
      out.add(x);
    }
    out.add(Report.ratio(v[3] + v[4], v[3] + v[4] + v[0] + v[2]));
    return out;
  }

  // ---------------------------------------------------------------- SLA

  public Report sla(ReportPeriod period, ReportFilter filter) {
    Instant now = clock.instant();
    Map<String, Object> params = parameters(period, filter);
    params.put("now", now);
    return new Report(
        "sla",
        params,
        ignored(filter, Set.of("team", "agent", "product", "tier")),
        List.of(
            queries.sla(period, filter),
            queries.slaTimeToBreach(filter, now),
            queries.slaAtRisk(filter, now, LIST_LIMIT)));
  }

  // ---------------------------------------------------------------- complaints

  public Report complaints(ReportPeriod period, ReportFilter filter, ComplaintSpikes spikes) {
    Report.Table weeks = weeklyTrend(period, filter, spikes);
    Map<String, Object> params = parameters(period, filter);
    params.put("spikeWeeks", spikes.window());
    params.put("spikeSigma", spikes.k());
    return new Report(
        "complaints",
        params,
        ignored(filter, Set.of("team", "agent", "product", "tier")),
        List.of(
            weeks,
            queries.complaintsBy("product", period, filter),
            queries.complaintsBy("version", period, filter),
            queries.complaintsBy("cause", period, filter),
            queries.complaintsBy("channel", period, filter),
            queries.repeatComplainers(period, filter, LIST_LIMIT)));
  }

  private Report.Table weeklyTrend(ReportPeriod period, ReportFilter filter, ComplaintSpikes s) {
    LocalDate firstShown = period.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate firstMonday = firstShown.minusWeeks(s.window());
    LocalDate lastMonday = period.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    Map<LocalDate, Long> counts =
        queries.complaintsPerWeek(firstMonday, period.end(), period.zone(), filter);
    Report.Builder b =
        new Report.Builder("weekly")
            .column("week", Type.DATE)
            .column("complaints", Type.INTEGER)
            .column("trailingMean", Type.DECIMAL)
            .column("spikeThreshold", Type.DECIMAL)
            .column("spike", Type.TEXT);
    for (ComplaintSpikes.Week w : s.trend(counts, firstMonday, firstShown, lastMonday)) {
      b.row(w.monday(), w.complaints(), w.trailingMean(), w.threshold(), w.spike() ? "yes" : "no");
    }
    return b.build();
  }

  /**
   * The week containing {@code today} (in {@code period}'s zone) if it is a complaint spike so far:
   * what the spike watch raises to supervisors.
   */
  public java.util.Optional<ComplaintSpikes.Week> currentSpike(
      java.time.ZoneId zone, ComplaintSpikes spikes) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate first = monday.minusWeeks(spikes.window());
    Map<LocalDate, Long> counts =
        queries.complaintsPerWeek(
            first, today.plusDays(1).atStartOfDay(zone).toInstant(), zone, ReportFilter.none());
    List<ComplaintSpikes.Week> trend = spikes.trend(counts, first, monday, monday);
    return trend.isEmpty() || !trend.getLast().spike()
        ? java.util.Optional.empty()
        : java.util.Optional.of(trend.getLast());
  }

  // ---------------------------------------------------------------- satisfaction

  public Report satisfaction(ReportPeriod period, ReportFilter filter) {
    Map<String, Object> params = parameters(period, filter);
    params.put("fcrDays", FCR_DAYS);
    params.putAll(queries.callSource(period, filter, null));
    return new Report(
        "satisfaction",
        params,
        ignored(filter, Set.of("queue", "team", "agent", "product", "tier")),
        List.of(
            queries.satisfaction(period, filter, FCR_DAYS),
            queries.satisfactionBy("agent", period, filter),
            queries.satisfactionBy("queue", period, filter),
            queries.satisfactionBy("product", period, filter),
            queries.satisfactionBy("type", period, filter)));
  }

  // ---------------------------------------------------------------- customers

  public Report customers(ReportPeriod period, ReportFilter filter, CallThresholds thresholds) {
    // The churn counts (180 days of contacts when not kept yet) on a connection of their own
    // while the rest of the report is read: the first request for a day waits for the longer of
    // the two, not their sum.
    CompletableFuture<ReportQueries.Churn> churnAsync =
        CompletableFuture.supplyAsync(
            () -> queries.churnRisk(period.end(), clock.instant(), filter, LIST_LIMIT),
            task -> Thread.ofVirtual().name("report-churn").start(task));
    Report.Table curve = queries.paretoCurve(filter);
    Report.Table pareto = queries.pareto(filter, LIST_LIMIT);
    Map<String, CallCounts> tiers =
        queries.callsByTier(
            period,
            new ReportFilter(filter.queue(), filter.team(), filter.agentId(), null, null),
            thresholds);
    List<Report.Column> tierCols = new ArrayList<>();
    tierCols.add(new Report.Column("tier", Type.TEXT));
    tierCols.addAll(KPI_COLUMNS);
    List<List<Object>> tierRows = new ArrayList<>();
    for (String tier : List.of("VIP", "STANDARD")) {
      List<Object> row = new ArrayList<>();
      row.add(tier);
      row.addAll(kpiValues(CallKpis.of(tiers.getOrDefault(tier, CallCounts.empty(-1)))));
      tierRows.add(row);
    }
    Map<String, Object> params = parameters(period, filter);
    params.put("serviceLevelSeconds", thresholds.serviceLevelSeconds());
    params.put("shortAbandonSeconds", thresholds.shortAbandonSeconds());
    params.putAll(
        queries.callSource(
            period,
            // the split by tier is itself a tier filter: with an agent or a team, raw rows
            new ReportFilter(
                filter.queue(),
                filter.team(),
                filter.agentId(),
                null,
                filter.agentId() != null || filter.team() != null ? Tier.VIP : null),
            thresholds));
    params.put(
        "churnRule", "contactsBefore >= 3 and contactsRecent * 2 <= contactsBefore (90 days each)");
    ReportQueries.Churn churn = joined(churnAsync);
    // How fresh the churn counts are: kept since then for this end (a contact written later in
    // its window drops the snapshot), or computed now from the raw rows.
    params.put("churnSource", churn.computedAt() == null ? "raw" : "snapshot");
    if (churn.computedAt() != null) {
      params.put("churnComputedAt", churn.computedAt());
    }
    return new Report(
        "customers",
        params,
        ignored(filter, Set.of("queue", "team", "agent", "tier")),
        List.of(
            curve,
            pareto,
            vipCut(pareto, curve),
            new Report.Table("serviceByTier", tierCols, tierRows),
            queries.vipsNeedingAttention(LIST_LIMIT),
            churn.table()));
  }

  /** The value of {@code future}, with the exception it failed with as it was thrown. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /**
   * The VIP cut: how many customers first hold 80 % of the value, exactly from the ranked list when
   * it reaches that far, else as the first 5 % step of the curve that does (an upper bound).
   */
  private static Report.Table vipCut(Report.Table pareto, Report.Table curve) {
    Long exact = null;
    int share = pareto.index("cumulativeShare");
    int rank = pareto.index("rank");
    for (List<Object> r : pareto.rows()) {
      Double s = (Double) r.get(share);
      if (s != null && s >= 0.8) {
        exact = (Long) r.get(rank);
        break;
      }
    }
    Double customerShare = null;
    Object last = curve.rows().isEmpty() ? null : curve.rows().getLast().get(2);
    long customers = last == null ? 0 : (Long) last;
    if (exact != null && customers > 0) {
      customerShare = (double) exact / customers;
    } else {
      for (List<Object> r : curve.rows()) {
        Double v = (Double) r.get(1);
        if (v != null && v >= 0.8) {
          customerShare = (Double) r.get(0);
          break;
        }
      }
    }
    return new Report.Builder("vipCut")
        .column("customersFor80Percent", Type.INTEGER)
        .column("customerShareFor80Percent", Type.RATIO)
        .row(exact, customerShare)
        .build();
  }

  // ---------------------------------------------------------------- field service

  public Report fieldService(ReportPeriod period, ReportFilter filter) {
    return new Report(
        "field-service",
        parameters(period, filter),
        ignored(filter, Set.of("agent")),
        queries.fieldService(period, filter));
  }
}
