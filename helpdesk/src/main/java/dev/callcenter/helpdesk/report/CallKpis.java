package dev.callcenter.helpdesk.report;

/**
 * The call KPIs of docs/metrics.md, derived from {@link CallCounts}; a ratio or average is null
 * when its denominator is zero (no calls is not 0 % and not 100 %).
 */
public record CallKpis(
    long offered,
    long answered,
    long abandoned,
    long shortAbandoned,
    long unanswered,
    Double serviceLevelAnswered,
    Double serviceLevelOffered,
    Double serviceLevelOfferedExShort,
    Double abandonRate,
    Double asaSeconds,
    Double ahtSeconds,
    Integer ahtP90Seconds,
    long transfersOut,
    long transfersIn) {

  public static CallKpis of(CallCounts c) {
    long notServed = c.abandoned() + c.unanswered();
    return new CallKpis(
        c.offered(),
        c.answered(),
        c.abandoned(),
        c.shortAbandoned(),
        c.unanswered(),
        Report.ratio(c.withinThreshold(), c.answered()),
        Report.ratio(c.withinThreshold(), c.answered() + notServed),
        Report.ratio(c.withinThreshold(), c.answered() + notServed - c.shortAbandoned()),
        Report.ratio(c.abandoned() - c.shortAbandoned(), c.offered() - c.shortAbandoned()),
        c.answered() == 0 ? null : (double) c.waitSum() / c.answered(),
        c.handled() == 0 ? null : (double) c.handleSum() / c.handled(),
        c.handleP90(),
        c.transfersOut(),
        c.transfersIn());
  }
}
