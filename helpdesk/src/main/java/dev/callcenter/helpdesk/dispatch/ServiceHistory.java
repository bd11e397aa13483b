package dev.callcenter.helpdesk.dispatch;

import java.util.List;

/**
 * A page of past visits, newest first, with the totals over all of them.
 *
 * @param currency the currency of every amount but {@code otherExpenses}
 */
public record ServiceHistory(
    List<ServiceVisit> items, int offset, int limit, String currency, ServiceTotals totals) {

  /** The catalogue's and the technician page's default currency (docs/metrics.md). */
  public static final String CURRENCY = "TWD";

  public ServiceHistory {
    items = List.copyOf(items);
  }
}
