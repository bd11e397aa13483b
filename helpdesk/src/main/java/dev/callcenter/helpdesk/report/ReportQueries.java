package dev.callcenter.helpdesk.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The reports' reads over the server's own data (call records, agent states, tickets, SLA events,
 * surveys, IVR journeys, follow-ups, dispatch orders). Formulas: docs/metrics.md.
 */
public interface ReportQueries {

  /**
   * Where the call figures of such a request come from (ADR 0023), as report parameters: {@code
   * callSource} ({@code rollup} or {@code raw}), {@code rawReason} when raw, and {@code ahtP90}
   * ({@code exact} or {@code histogram}) when {@code thresholds} is given.
   */
  Map<String, Object> callSource(
      ReportPeriod period, ReportFilter filter, CallThresholds thresholds);

  /** Counts per bucket, then one for the whole period (bucket -1). */
  List<CallCounts> calls(ReportPeriod period, ReportFilter filter, CallThresholds thresholds);

  /** Whole-period counts per caller tier. */
  Map<String, CallCounts> callsByTier(
      ReportPeriod period, ReportFilter filter, CallThresholds thresholds);

  /** Seconds per agent, state and pause reason, clipped to the period and to {@code now}. */
  Report.Table agentStates(ReportPeriod period, ReportFilter filter, Instant now);

  /** Calls, handle time, tickets and CSAT per agent. */
  Report.Table agents(ReportPeriod period, ReportFilter filter);

  /** Callbacks requested (IVR and missed calls), done, and how soon. */
  Report.Table callbacks(ReportPeriod period, ReportFilter filter);

  /** IVR journeys by outcome. */
  Report.Table ivr(ReportPeriod period, ReportFilter filter);

  /** First-response and resolution met / breached / running for tickets created in the period. */
  Report.Table sla(ReportPeriod period, ReportFilter filter);

  /** Open tickets by how long until their next SLA due point, at {@code now}. */
  Report.Table slaTimeToBreach(ReportFilter filter, Instant now);

  /** Open tickets whose clock passed its warning point but not its due point, at {@code now}. */
  Report.Table slaAtRisk(ReportFilter filter, Instant now, int limit);

  /** Complaints created in the period by {@code dimension}: product, version, channel or cause. */
  Report.Table complaintsBy(String dimension, ReportPeriod period, ReportFilter filter);

  /** Complaints per ISO week starting on each Monday in [firstMonday, end). */
  Map<LocalDate, Long> complaintsPerWeek(
      LocalDate firstMonday, Instant end, java.time.ZoneId zone, ReportFilter filter);

  /** Customers with two complaints or more in the period. */
  Report.Table repeatComplainers(ReportPeriod period, ReportFilter filter, int limit);

  /** Survey figures for the period, overall. */
  Report.Table satisfaction(ReportPeriod period, ReportFilter filter, int fcrDays);

  /** Survey figures by agent, queue, product or type. */
  Report.Table satisfactionBy(String dimension, ReportPeriod period, ReportFilter filter);

  /** Customers ranked by value with cumulative share, the first {@code limit}. */
  Report.Table pareto(ReportFilter filter, int limit);

  /** The Pareto curve: share of value held by the first 5 %, 10 % … 100 % of customers. */
  Report.Table paretoCurve(ReportFilter filter);

  /** VIP customers with open complaints or open tickets whose SLA was breached. */
  Report.Table vipsNeedingAttention(int limit);

  /**
   * Customers whose inbound contacts dropped in the 180 days before {@code end} (docs/metrics.md,
   * churn risk): from the snapshot kept for that end when it is not after {@code now} (computed and
   * kept on the first request, dropped when a contact in its window changes: V25), else from the
   * raw rows.
   */
  Churn churnRisk(Instant end, Instant now, ReportFilter filter, int limit);

  /**
   * The churn-risk list, and when the counts behind it were computed (null: just now, from the raw
   * rows).
   */
  record Churn(Report.Table table, Instant computedAt) {}

  /**
   * Field-service figures for orders planned in the period: summary, per technician, per technician
   * and day, per order.
   */
  List<Report.Table> fieldService(ReportPeriod period, ReportFilter filter);
}
