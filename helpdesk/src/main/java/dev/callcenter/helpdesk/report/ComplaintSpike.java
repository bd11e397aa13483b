package dev.callcenter.helpdesk.report;

import java.time.LocalDate;

/**
 * A week whose complaints so far exceed the trailing mean by the configured number of standard
 * deviations (docs/metrics.md), as raised to supervisors.
 *
 * @param week the Monday that starts the ISO week, in the watch's time zone
 * @param complaints complaint tickets created in that week so far
 * @param trailingMean the mean of the weeks before it
 * @param threshold the count above which a week is a spike
 */
public record ComplaintSpike(
    LocalDate week, long complaints, double trailingMean, double threshold) {}
