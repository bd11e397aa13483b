package dev.callcenter.helpdesk.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Dispatch orders and their audit trail. */
public interface DispatchOrderRepository {

  /** The stored fields of a new order; every other field starts empty. */
  record NewOrder(
      long ticketId,
      long customerId,
      Long equipmentId,
      String siteAddress,
      GeoPoint site,
      List<String> requiredSkills,
      int durationMinutes,
      int priority,
      Instant windowStart,
      Instant windowEnd,
      List<PartQuantity> parts,
      String note) {}

  long insert(NewOrder order, Long createdBy, Instant at);

  Optional<DispatchOrder> find(long id);

  /** Locks the row for the rest of the transaction. */
  Optional<DispatchOrder> lock(long id);

  List<DispatchOrder> list(OrderQuery query);

  List<DispatchOrder> forTicket(long ticketId);

  List<DispatchOrder> forEquipment(long equipmentId);

  /** Writes every mutable field of {@code order}, bumping the version; false if it moved on. */
  boolean update(DispatchOrder order, Instant at);

  void audit(
      long orderId,
      Instant at,
      Actor actor,
      String action,
      DispatchStatus from,
      DispatchStatus to,
      String detail);

  List<OrderAuditEntry> history(long orderId);
}
