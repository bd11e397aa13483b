package dev.callcenter.helpdesk.dispatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One past visit of a customer's or a unit's service history, with what it took (docs/metrics.md,
 * "Field service"): the same shape for the customer view, the equipment history and the
 * technician's page.
 *
 * @param at when the visit ended (its last change to COMPLETED or CANNOT_COMPLETE); a cancelled
 *     order's planned start, else its window's start
 * @param status the order's status now (a visit completed and then closed is CLOSED)
 * @param outcome how the visit ended: COMPLETED, CANNOT_COMPLETE or CANCELLED
 * @param reason why it could not be completed or was cancelled, as the technician or dispatcher
 *     wrote it; null otherwise
 * @param equipment the unit visited, null when the order named none
 * @param technician the technician's display name, null if it was never planned
 * @param resolution the technician's resolution notes
 * @param labourHours finished labour minutes ÷ 60, two decimals
 * @param partsCost Σ quantity × unit cost of the parts consumed, in the catalogue's currency (TWD)
 * @param expenses expenses in TWD
 * @param otherExpenses expenses in other currencies, per currency, not converted and not in the
 *     total
 * @param total parts cost + TWD expenses (there is no labour rate)
 * @param firstTimeFix completed, and its ticket's only non-cancelled order
 */
public record ServiceVisit(
    long orderId,
    long ticketId,
    String ticketTitle,
    Instant at,
    DispatchStatus status,
    DispatchStatus outcome,
    String reason,
    Unit equipment,
    String technician,
    String resolution,
    int labourMinutes,
    BigDecimal labourHours,
    List<Part> parts,
    BigDecimal partsCost,
    BigDecimal expenses,
    Map<String, BigDecimal> otherExpenses,
    BigDecimal total,
    boolean firstTimeFix) {

  public ServiceVisit {
    parts = List.copyOf(parts);
    otherExpenses = Map.copyOf(otherExpenses);
  }

  /** The unit a visit was for. */
  public record Unit(long id, String product, String serialNumber) {}

  /**
   * A part consumed on the visit.
   *
   * @param serialNumbers the units' serial numbers where the technician recorded them
   * @param unitCost the cost recorded when it was used, else the catalogue's
   * @param cost quantity × unit cost
   */
  public record Part(
      long partId,
      String number,
      String name,
      int quantity,
      List<String> serialNumbers,
      BigDecimal unitCost,
      BigDecimal cost) {

    public Part {
      serialNumbers = List.copyOf(serialNumbers);
    }
  }
}
