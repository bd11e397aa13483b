package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.ValidationException;

/**
 * The thresholds of the call KPIs (docs/metrics.md).
 *
 * @param serviceLevelSeconds a call answered after waiting at most this long is within service
 *     level
 * @param shortAbandonSeconds a caller who hangs up after waiting less than this is a short abandon
 */
public record CallThresholds(int serviceLevelSeconds, int shortAbandonSeconds) {

  public static final int DEFAULT_SERVICE_LEVEL_SECONDS = 20;
  public static final int DEFAULT_SHORT_ABANDON_SECONDS = 5;

  public CallThresholds {
    if (serviceLevelSeconds < 1 || serviceLevelSeconds > 3600) {
      throw new ValidationException("serviceLevelSeconds", "must be between 1 and 3600");
    }
    if (shortAbandonSeconds < 0 || shortAbandonSeconds > 600) {
      throw new ValidationException("shortAbandonSeconds", "must be between 0 and 600");
    }
  }

  public static CallThresholds defaults() {
    return new CallThresholds(DEFAULT_SERVICE_LEVEL_SECONDS, DEFAULT_SHORT_ABANDON_SECONDS);
  }
}
