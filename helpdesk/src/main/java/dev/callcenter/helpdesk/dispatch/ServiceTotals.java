package dev.callcenter.helpdesk.dispatch;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a customer's or a unit's past visits took altogether, by the definitions of {@link
 * ServiceVisit}.
 *
 * @param orders past orders, cancelled ones included (the number of items to page through)
 * @param visits of them, the ones not cancelled (a cancelled order is no visit)
 */
public record ServiceTotals(
    int orders,
    int visits,
    int labourMinutes,
    BigDecimal labourHours,
    BigDecimal partsCost,
    BigDecimal expenses,
    Map<String, BigDecimal> otherExpenses,
    BigDecimal total) {

  public ServiceTotals {
    otherExpenses = Map.copyOf(otherExpenses);
  }
}
