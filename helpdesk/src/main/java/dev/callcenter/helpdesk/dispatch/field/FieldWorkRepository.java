package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Field actions by key, labour, parts used, expenses, attachments and close-outs. */
public interface FieldWorkRepository {

  /** An action as stored under its key. */
  record StoredAction(
      UUID key,
      long orderId,
      long userId,
      FieldActionType type,
      Instant occurredAt,
      Instant receivedAt,
      Long recordId,
      DispatchStatus orderStatus) {}

  /**
   * Stores the key for this action unless it is there already; false when it was (a retry, or a
   * concurrent twin that committed first: the insert waits for it).
   */
  boolean claim(
      FieldAction action, long orderId, long userId, DispatchStatus status, Instant receivedAt);

  /** Records what the claimed action made and the order's status after it. */
  void settle(UUID key, Long recordId, DispatchStatus status);

  Optional<StoredAction> action(UUID key);

  /** The technician was planned on the order at some time (kept by a trigger). */
  boolean wasAssigned(long orderId, long technicianId);

  /** The user who last scheduled the order by hand or by accepting a plan, if a person did. */
  Optional<Long> lastScheduler(long orderId);

  Optional<Attachment> attachment(UUID key);

  Optional<Attachment> attachment(long id);

  Optional<byte[]> attachmentBytes(long id);

  /** Stores the image unless its key exists; the stored one either way. */
  Attachment insertAttachment(
      UUID key,
      long orderId,
      Attachment.Kind kind,
      String contentType,
      int width,
      int height,
      String sha256,
      byte[] bytes,
      long userId,
      Instant at);

  Optional<WorkSheet.Labour> runningLabour(long orderId, long technicianId);

  long startLabour(long orderId, long technicianId, Instant at);

  void stopLabour(long labourId, Instant at, int minutes);

  long enterLabour(long orderId, long technicianId, Instant at, int minutes);

  /** Whether the part's units carry serial numbers, and its unit cost; empty if no such part. */
  Optional<PartFacts> part(long partId);

  record PartFacts(boolean serialized, BigDecimal unitCost) {}

  long insertPartUsed(
      long orderId,
      long partId,
      int quantity,
      List<String> serials,
      BigDecimal unitCost,
      long stockMoveId,
      long technicianId,
      Instant at);

  long insertExpense(
      long orderId,
      long technicianId,
      ExpenseType type,
      BigDecimal amount,
      String currency,
      String note,
      Long receiptId,
      Instant at);

  WorkSheet.CloseOut closeOut(long orderId);

  void saveResolution(long orderId, String resolution, Instant at);

  void saveSignature(
      long orderId, String signerName, Instant signedAt, long signatureId, Instant at);

  /** One of the close-out's links: the follow-ups raised, the KB draft offered. */
  enum Link {
    DISPATCHER_FOLLOW_UP("dispatcher_follow_up_id"),
    SURVEY_FOLLOW_UP("survey_follow_up_id"),
    LATE_FOLLOW_UP("late_follow_up_id"),
    KB_ARTICLE("kb_article_id");

    final String column;

    Link(String column) {
      this.column = column;
    }
  }

  void link(long orderId, Link link, long id, Instant at);

  void markTicketResolved(long orderId, Instant at);

  List<WorkSheet.Step> steps(long orderId);

  List<WorkSheet.Labour> labour(long orderId);

  List<WorkSheet.PartUsed> partsUsed(long orderId);

  List<WorkSheet.Expense> expenses(long orderId);

  /** Earlier visits to the equipment, newest first, with their tickets' resolutions. */
  List<WorkSheet.PastVisit> pastVisits(long equipmentId, long exceptOrderId, int limit);

  /** The customer's open visits (unscheduled to on-site), soonest window first. */
  List<CustomerVisit> openVisits(long customerId, Instant now, int limit);

  /** Labour, parts and expenses of one order. */
  OrderCosts costs(long orderId);
}
