package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.DispatchOrderRepository;
import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import dev.callcenter.helpdesk.followup.CallbackDraft;
import dev.callcenter.helpdesk.followup.FollowUpKind;
import dev.callcenter.helpdesk.followup.FollowUpService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's own answer about their next technician visit, given in the phone menu (ADR 0025):
 * which visit is next, the customer's confirmation (in the order's audit trail) and a request to
 * reschedule it (in the audit trail, and a follow-up for the dispatcher who planned it).
 */
public final class VisitConfirmation {

  private static final Logger log = LoggerFactory.getLogger(VisitConfirmation.class);

  /** Audit action of a customer's confirmation; the detail is the call id. */
  public static final String CONFIRMED = "customer-confirmed";

  /** Audit action of a customer's request to reschedule; the detail is the call id. */
  public static final String RESCHEDULE_REQUESTED = "customer-reschedule-requested";

  /** How soon the dispatcher's follow-up is due after the request. */
  static final Duration RESCHEDULE_DUE = Duration.ofMinutes(30);

  private final DispatchOrderRepository orders;
  private final FieldWorkRepository work;
  private final FollowUpService followUps;
  private final Transactions transactions;
  private final Clock clock;

  public VisitConfirmation(
      DispatchOrderRepository orders,
      FieldWorkRepository work,
      FollowUpService followUps,
      Transactions transactions,
      Clock clock) {
    this.orders = orders;
    this.work = work;
    this.followUps = followUps;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * The customer's next visit: a scheduled order (a technician and a time, not yet on the way)
   * whose window has not ended, the soonest window first.
   *
   * @param technicianId whose name a recorded prompt may say
   * @param scheduled how many such visits the customer has (only the next is offered)
   */
  public record NextVisit(
      long orderId,
      long ticketId,
      Instant windowStart,
      Instant windowEnd,
      long technicianId,
      String technicianName,
      int scheduled) {}

  /** The customer's next scheduled visit, if any. */
  public Optional<NextVisit> next(long customerId) {
    Instant now = clock.instant();
    List<CustomerVisit> scheduled =
        work.openVisits(customerId, now, 50).stream()
            .filter(v -> v.status() == DispatchStatus.SCHEDULED && v.windowEnd().isAfter(now))
            .toList();
    if (scheduled.isEmpty()) {
      return Optional.empty();
    }
    CustomerVisit v = scheduled.getFirst();
    DispatchOrder o = orders.find(v.orderId()).orElseThrow();
    return Optional.of(
        new NextVisit(
            o.id(),
            o.ticketId(),
            o.windowStart(),
            o.windowEnd(),
            o.technicianId(),
            v.technician(),
            scheduled.size()));
  }

  /**
   * Records that the customer confirmed the visit ({@value #CONFIRMED} in its audit trail, by the
   * system, the call id as the detail).
   *
   * @throws ConflictException {@code dispatch_order_state} when the order is no longer scheduled
   */
  public void confirm(long orderId, long customerId, String callId) {
    transactions.inTransaction(
        () -> {
          DispatchOrder o = scheduledOrder(orderId, customerId);
          orders.audit(
              o.id(), clock.instant(), Actor.system(), CONFIRMED, o.status(), null, callId);
          return null;
        });
    log.info("Order {}: the customer confirmed the visit by phone (call {})", orderId, callId);
  }

  /**
   * Records the customer's request to reschedule ({@value #RESCHEDULE_REQUESTED} in the audit
   * trail) and raises a {@link FollowUpKind#VISIT_RESCHEDULE} follow-up for the dispatcher who last
   * scheduled the order, else its creator, else {@code fallbackOwnerId}; the order stays where it
   * is until the dispatcher moves it.
   *
   * @return the follow-up's id
   */
  public long askToReschedule(long orderId, long customerId, String callId, long fallbackOwnerId) {
    return transactions.inTransaction(
        () -> {
          DispatchOrder o = scheduledOrder(orderId, customerId);
          Instant now = clock.instant();
          orders.audit(o.id(), now, Actor.system(), RESCHEDULE_REQUESTED, o.status(), null, callId);
          long owner =
              work.lastScheduler(o.id())
                  .orElse(o.createdBy() != null ? o.createdBy() : fallbackOwnerId);
          long followUp =
              followUps
                  .createCallback(
                      new CallbackDraft(
                          FollowUpKind.VISIT_RESCHEDULE,
                          Map.of(
                              "orderId",
                              Long.toString(o.id()),
                              "callId",
                              callId,
                              "windowStart",
                              o.windowStart().toString()),
                          now.plus(RESCHEDULE_DUE),
                          owner,
                          null,
                          customerId,
                          o.ticketId()))
                  .id();
          log.info(
              "Order {}: the customer asked by phone to reschedule (call {}), follow-up {} for"
                  + " user {}",
              o.id(),
              callId,
              followUp,
              owner);
          return followUp;
        });
  }

  /** The order, locked, if it is the customer's and still scheduled. */
  private DispatchOrder scheduledOrder(long orderId, long customerId) {
    DispatchOrder o =
        orders
            .lock(orderId)
            .filter(x -> x.customerId() == customerId)
            .orElseThrow(() -> new NotFoundException("dispatch_order", orderId));
    if (o.status() != DispatchStatus.SCHEDULED) {
      throw new ConflictException(
          "dispatch_order_state",
          "Order " + orderId + " is " + o.status() + " and cannot be confirmed or rescheduled",
          Map.of("id", orderId, "status", o.status().name()));
    }
    return o;
  }
}
