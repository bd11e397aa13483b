package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.Equipment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything a technician needs on site for one of their orders, and what they recorded on it: the
 * order, its customer's name, phones and site, the ticket's description, the equipment and its
 * service history, the steps, labour, parts, expenses and the close-out.
 */
public record WorkSheet(
    DispatchOrder order,
    CustomerCard customer,
    TicketCard ticket,
    Equipment equipment,
    List<PastVisit> history,
    List<Step> steps,
    List<Labour> labour,
    List<PartUsed> parts,
    List<Expense> expenses,
    CloseOut closeOut,
    OrderCosts costs) {

  /** The customer as the technician needs them: who, how to call, in which language. */
  public record CustomerCard(long id, String name, List<String> phones, String language) {}

  /** The fault as reported. */
  public record TicketCard(
      long id,
      String title,
      String description,
      String product,
      String productVersion,
      String status) {}

  /** An earlier visit to the same equipment and what its ticket was resolved with. */
  public record PastVisit(
      long orderId, long ticketId, String title, String status, Instant when, String resolution) {}

  /** A status step or other action reported, with where the phone was (optional). */
  public record Step(
      FieldActionType type, Instant occurredAt, Instant receivedAt, Double lat, Double lon) {}

  /** Time worked: a running timer has no end and no minutes yet. */
  public record Labour(
      long id, String source, Instant startedAt, Instant endedAt, Integer minutes) {}

  public record PartUsed(
      long id,
      long partId,
      String partNumber,
      String partName,
      int quantity,
      List<String> serialNumbers,
      BigDecimal unitCost,
      Instant usedAt) {}

  public record Expense(
      long id,
      ExpenseType type,
      BigDecimal amount,
      String currency,
      String note,
      Long receiptId,
      Instant spentAt) {}

  /**
   * How the visit ended and what it set off.
   *
   * @param surveyFollowUpId the follow-up for an agent to call the customer for a rating
   * @param dispatcherFollowUpId the follow-up for the dispatcher after "cannot complete"
   * @param lateFollowUpId the follow-up to call the customer when the technician ran late
   * @param kbArticleId the draft article offered from the resolved ticket
   */
  public record CloseOut(
      String resolution,
      String signerName,
      Instant signedAt,
      Long signatureId,
      Long dispatcherFollowUpId,
      Long surveyFollowUpId,
      Long lateFollowUpId,
      boolean ticketResolved,
      Long kbArticleId) {}
}
