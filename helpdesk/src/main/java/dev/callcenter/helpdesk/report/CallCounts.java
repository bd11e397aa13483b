package dev.callcenter.helpdesk.report;

/**
 * The raw counts and sums behind the call KPIs of one bucket (or the whole period); the KPIs are
 * derived from them in one place, {@link CallKpis}.
 *
 * @param bucket the bucket's index in {@link ReportPeriod#bucketStarts()}, -1 for the whole period
 * @param offered offers from outside (not transferred in)
 * @param withinThreshold answered after waiting at most the service-level threshold
 * @param waitSum seconds waited by the answered calls (for ASA)
 * @param handled answered offers including transferred-in ones (for AHT)
 * @param handleSum talk (hold included) plus wrap-up seconds of the handled calls
 * @param handleP90 the 90th percentile of handle time, null without handled calls
 * @param transfersOut answered calls the agent transferred onwards
 * @param transfersIn offers that came in by transfer
 */
public record CallCounts(
    int bucket,
    long offered,
    long answered,
    long abandoned,
    long shortAbandoned,
    long unanswered,
    long withinThreshold,
    long waitSum,
    long handled,
    long handleSum,
    Integer handleP90,
    long transfersOut,
    long transfersIn) {

  public static CallCounts empty(int bucket) {
    return new CallCounts(bucket, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0);
  }
}
