package dev.callcenter.helpdesk.dispatch.field;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What one order took, for the technician's sheet and the reports: labour, parts at their cost when
 * used, and expenses per currency (they are not converted).
 *
 * @param labourMinutes finished labour only; a running timer counts once stopped
 * @param partsCost sum of quantity × unit cost, in the catalogue's currency
 * @param expenses total per ISO currency code
 */
public record OrderCosts(
    long orderId,
    int labourMinutes,
    int partUnits,
    BigDecimal partsCost,
    Map<String, BigDecimal> expenses) {}
