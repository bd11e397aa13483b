package dev.callcenter.helpdesk.dispatch.field;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.Phone;
import dev.callcenter.helpdesk.db.Transactions;
import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DispatchOrder;
import dev.callcenter.helpdesk.dispatch.DispatchOrderRepository;
import dev.callcenter.helpdesk.dispatch.DispatchService;
import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import dev.callcenter.helpdesk.dispatch.Equipment;
import dev.callcenter.helpdesk.dispatch.EquipmentService;
import dev.callcenter.helpdesk.dispatch.OrderQuery;
import dev.callcenter.helpdesk.dispatch.field.FieldWorkRepository.Link;
import dev.callcenter.helpdesk.dispatch.field.FieldWorkRepository.StoredAction;
import dev.callcenter.helpdesk.dispatch.stock.StockMove;
import dev.callcenter.helpdesk.followup.CallbackDraft;
import dev.callcenter.helpdesk.followup.FollowUpKind;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.usecase.ChangeTicketStatus;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The technician's work on their orders, reported from the phone: each action under the idempotency
 * key the phone generated (a retry gets the first answer and changes nothing), status steps through
 * {@link DispatchService}, labour, parts from the van, expenses with receipt photos, the customer's
 * signature, and the loop back when a visit ends (the ticket resolved when its last order
 * completes, a satisfaction call, a follow-up for the dispatcher or for a late arrival).
 */
public final class FieldWork {

  private static final Logger log = LoggerFactory.getLogger(FieldWork.class);

  /** Largest receipt photo or signature accepted; the phone resizes photos well below this. */
  public static final int MAX_IMAGE_BYTES = 2 * 1024 * 1024;

  /** Largest side of an image accepted, in pixels. */
  public static final int MAX_IMAGE_SIDE = 4096;

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");

  private final DispatchService dispatch;
  private final DispatchOrderRepository orders;
  private final FieldWorkRepository work;
  private final CustomerService customers;
  private final TicketService tickets;
  private final ChangeTicketStatus changeTicketStatus;
  private final EquipmentService equipment;
  private final FollowUpService followUps;
  private final Transactions transactions;
  private final Clock clock;

  public FieldWork(
      DispatchService dispatch,
      DispatchOrderRepository orders,
      FieldWorkRepository work,
      CustomerService customers,
      TicketService tickets,
      ChangeTicketStatus changeTicketStatus,
      EquipmentService equipment,
      FollowUpService followUps,
      Transactions transactions,
      Clock clock) {
    this.dispatch = dispatch;
    this.orders = orders;
    this.work = work;
    this.customers = customers;
    this.tickets = tickets;
    this.changeTicketStatus = changeTicketStatus;
    this.equipment = equipment;
    this.followUps = followUps;
    this.transactions = transactions;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ reading

  /** A technician's orders of {@code day} (in {@code zone}) in route order, each with its sheet. */
  public List<WorkSheet> day(LocalDate day, ZoneId zone, Actor actor) {
    Objects.requireNonNull(actor.userId(), "a person's route");
    List<DispatchOrder> route =
        dispatch.list(
            new OrderQuery(
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(),
                actor.userId(),
                null,
                null,
                200),
            actor);
    return route.stream()
        .filter(
            o -> o.status() != DispatchStatus.CANCELLED && o.status() != DispatchStatus.UNSCHEDULED)
        .map(this::sheet)
        .toList();
  }

  /** One order's sheet, if the actor may see the order (another technician's is a 404). */
  public WorkSheet sheet(long orderId, Actor actor) {
    return sheet(dispatch.get(orderId, actor));
  }

  private WorkSheet sheet(DispatchOrder o) {
    Customer c = customers.get(o.customerId());
    Ticket t = tickets.get(o.ticketId());
    Equipment unit = o.equipmentId() == null ? null : equipment.get(o.equipmentId());
    return new WorkSheet(
        o,
        new WorkSheet.CustomerCard(
            c.id(), c.name(), c.phones().stream().map(Phone::original).toList(), c.language()),
        new WorkSheet.TicketCard(
            t.id(), t.title(), t.description(), t.product(), t.productVersion(), t.status().name()),
        unit,
        unit == null ? List.of() : work.pastVisits(unit.id(), o.id(), 20),
        work.steps(o.id()),
        work.labour(o.id()),
        work.partsUsed(o.id()),
        work.expenses(o.id()),
        work.closeOut(o.id()),
        work.costs(o.id()));
  }

  /** The customer's open and next visits with their technician, for the pop and the desk. */
  public List<CustomerVisit> customerVisits(long customerId) {
    return work.openVisits(customerId, clock.instant(), 10);
  }

  /** The same for the customer view: a 404 for a customer that does not exist. */
  public List<CustomerVisit> visitsOf(long customerId) {
    customers.get(customerId);
    return customerVisits(customerId);
  }

  /** Labour, parts and expenses of one order (for the reports). */
  public OrderCosts costs(long orderId) {
    return work.costs(orderId);
  }

  /**
   * A receipt photo or signature of order {@code orderId} with its bytes, for the order's
   * technician (while it is theirs) and dispatchers; for anyone else, and for an attachment of
   * another order, the same 404 as a missing one (ADR 0025: agents do not see them).
   */
  public Stored attachment(long orderId, long attachmentId, Actor actor) {
    NotFoundException missing = new NotFoundException("attachment", attachmentId);
    Attachment a =
        work.attachment(attachmentId)
            .filter(x -> x.orderId() == orderId)
            .orElseThrow(() -> missing);
    DispatchOrder o = orders.find(orderId).orElseThrow(() -> missing);
    if (!actor.dispatcher() && !Objects.equals(o.technicianId(), actor.userId())) {
      throw missing;
    }
    return new Stored(a, work.attachmentBytes(a.id()).orElseThrow(() -> missing));
  }

  /** An attachment with its bytes. */
  public record Stored(Attachment attachment, byte[] bytes) {}

  // ------------------------------------------------------------------ uploads

  /**
   * Stores a receipt photo or a signature under the phone's key: JPEG or PNG whose bytes say so, at
   * most {@link #MAX_IMAGE_BYTES} and {@link #MAX_IMAGE_SIDE} pixels a side; a retry with the same
   * key returns the first upload.
   */
  public Attachment upload(
      long orderId, UUID key, Attachment.Kind kind, String contentType, byte[] bytes, Actor actor) {
    Fields.notNull("key", key);
    Fields.notNull("kind", kind);
    Optional<Attachment> prior = work.attachment(key);
    if (prior.isPresent()) {
      return sameOrder(prior.get(), orderId);
    }
    if (bytes == null || bytes.length == 0) {
      throw new ValidationException("(body)", "the image is empty");
    }
    if (bytes.length > MAX_IMAGE_BYTES) {
      throw new HelpdeskException(
          HelpdeskException.Kind.INVALID,
          "attachment_too_large",
          "Images may be at most " + MAX_IMAGE_BYTES + " bytes; resize it on the phone",
          Map.of("maxBytes", MAX_IMAGE_BYTES, "size", bytes.length));
    }
    ImageHeader.Size size = ImageHeader.read(contentType, bytes);
    if (size.width() > MAX_IMAGE_SIDE || size.height() > MAX_IMAGE_SIDE) {
      throw new HelpdeskException(
          HelpdeskException.Kind.INVALID,
          "attachment_too_large",
          "Images may be at most " + MAX_IMAGE_SIDE + " pixels a side",
          Map.of("maxSide", MAX_IMAGE_SIDE, "width", size.width(), "height", size.height()));
    }
    if (kind == Attachment.Kind.SIGNATURE && !contentType.equals(ImageHeader.PNG)) {
      throw new ValidationException("Content-Type", "a signature is a PNG from the canvas");
    }
    return transactions.inTransaction(
        () -> {
          DispatchOrder o = lockForWork(orderId, actor);
          Attachment stored =
              work.insertAttachment(
                  key,
                  o.id(),
                  kind,
                  contentType,
                  size.width(),
                  size.height(),
                  sha256(bytes),
                  bytes,
                  actor.userId(),
                  clock.instant());
          return sameOrder(stored, orderId);
        });
  }

  private static Attachment sameOrder(Attachment a, long orderId) {
    if (a.orderId() != orderId) {
      throw keyReused(a.key(), orderId);
    }
    return a;
  }

  // ------------------------------------------------------------------ actions

  /**
   * Records one action on an order. A key seen before answers the stored result ({@code replayed})
   * whatever the order's state is now; otherwise the order must still be the actor's: re-assigned
   * meanwhile is {@code 409 dispatch_order_reassigned}, cancelled {@code 409
   * dispatch_order_cancelled}, another state {@code 409 dispatch_transition_invalid} or {@code
   * dispatch_order_state}.
   */
  public FieldActionResult record(long orderId, FieldAction a, Actor actor) {
    Objects.requireNonNull(actor.userId(), "field actions are a person's");
    Optional<StoredAction> prior = work.action(a.keyId());
    if (prior.isPresent()) {
      return replay(prior.get(), orderId, a, actor);
    }
    Done done =
        transactions.inTransaction(
            () -> {
              DispatchOrder o = lockForWork(orderId, actor);
              Instant now = clock.instant();
              if (!work.claim(a, orderId, actor.userId(), o.status(), now)) {
                return null; // a concurrent twin with the same key committed first
              }
              Long record = apply(o, a, actor, now);
              DispatchOrder after = orders.find(orderId).orElseThrow();
              work.settle(a.keyId(), record, after.status());
              return new Done(
                  new FieldActionResult(
                      a.keyId(), a.type(), orderId, after.status(), record, a.at(), now, false),
                  after);
            });
    if (done == null) {
      return replay(work.action(a.keyId()).orElseThrow(), orderId, a, actor);
    }
    log.info("Order {}: {} by user {} (key {})", orderId, a.type(), actor.userId(), a.key());
    afterCommit(done.order(), a, actor);
    return done.result();
  }

  private record Done(FieldActionResult result, DispatchOrder order) {}

  private FieldActionResult replay(StoredAction s, long orderId, FieldAction a, Actor actor) {
    if (s.orderId() != orderId || s.type() != a.type() || s.userId() != actor.userId()) {
      throw keyReused(a.keyId(), orderId);
    }
    return new FieldActionResult(
        s.key(),
        s.type(),
        s.orderId(),
        s.orderStatus(),
        s.recordId(),
        s.occurredAt(),
        s.receivedAt(),
        true);
  }

  private static ConflictException keyReused(UUID key, long orderId) {
    return new ConflictException(
        "idempotency_key_reused",
        "Key " + key + " was used for another action; generate a new key for a new action",
        Map.of("key", key.toString(), "orderId", orderId));
  }

  /**
   * A 404 unless the actor may see the order or had it planned on them once (whose actions then get
   * the 409 that says it moved), so that a request about someone else's order fails before its body
   * is read.
   */
  public void requireReachable(long orderId, Actor actor) {
    try {
      dispatch.get(orderId, actor);
    } catch (NotFoundException e) {
      if (actor.userId() == null || !work.wasAssigned(orderId, actor.userId())) {
        throw e;
      }
    }
  }

  /** The order, locked, if the actor may work on it now; the conflicts otherwise. */
  private DispatchOrder lockForWork(long orderId, Actor actor) {
    DispatchOrder o = orders.lock(orderId).orElseThrow(() -> notFound(orderId));
    boolean own = Objects.equals(o.technicianId(), actor.userId());
    if (!own && !actor.dispatcher()) {
      if (actor.userId() != null && work.wasAssigned(orderId, actor.userId())) {
        throw new ConflictException(
            "dispatch_order_reassigned",
            "Order " + orderId + " is no longer planned on you; the dispatcher moved it",
            Map.of("id", orderId, "status", o.status().name()));
      }
      throw notFound(orderId);
    }
    if (o.status() == DispatchStatus.CANCELLED) {
      throw new ConflictException(
          "dispatch_order_cancelled",
          "Order " + orderId + " was cancelled",
          Map.of("id", orderId, "reason", o.statusReason() == null ? "" : o.statusReason()));
    }
    return o;
  }

  private Long apply(DispatchOrder o, FieldAction a, Actor actor, Instant now) {
    long tech = o.technicianId() == null ? actor.userId() : o.technicianId();
    return switch (a.type()) {
      case EN_ROUTE -> {
        dispatch.changeStatus(o.id(), DispatchStatus.EN_ROUTE, null, actor);
        yield null;
      }
      case ARRIVED -> {
        if (o.status() == DispatchStatus.SCHEDULED) {
          // En-route was never tapped (or is still queued on another phone): arriving implies it.
          dispatch.changeStatus(o.id(), DispatchStatus.EN_ROUTE, null, actor);
        }
        dispatch.changeStatus(o.id(), DispatchStatus.ON_SITE, null, actor);
        yield null;
      }
      case STARTED -> {
        requireStatus(o, "started", DispatchStatus.ON_SITE);
        yield null;
      }
      case LABOUR_START -> {
        requireStatus(o, "timed", DispatchStatus.ON_SITE);
        if (work.runningLabour(o.id(), tech).isPresent()) {
          throw new ConflictException(
              "labour_running", "The labour timer already runs on order " + o.id());
        }
        yield work.startLabour(o.id(), tech, a.at());
      }
      case LABOUR_STOP -> {
        requireWorking(o, "timed");
        var running =
            work.runningLabour(o.id(), tech)
                .orElseThrow(
                    () ->
                        new ConflictException(
                            "labour_not_running", "No labour timer runs on order " + o.id()));
        yield stop(running, a.at());
      }
      case LABOUR_ENTERED -> {
        requireWorking(o, "given hours");
        int minutes = Fields.notNull("minutes", a.minutes());
        if (minutes < 1 || minutes > 1440) {
          throw new ValidationException("minutes", "must be from 1 to 1440");
        }
        yield work.enterLabour(o.id(), tech, a.at(), minutes);
      }
      case PART_USED -> partUsed(o, a, actor, tech);
      case EXPENSE -> expense(o, a, tech);
      case NOTES -> {
        requireWorking(o, "given notes");
        work.saveResolution(o.id(), Fields.notNull("resolution", a.resolution()), now);
        yield null;
      }
      case SIGNATURE -> {
        requireWorking(o, "signed");
        String signer = Fields.notNull("signerName", a.signerName());
        Attachment image = upload(o, Fields.notNull("signatureKey", a.signatureKeyId()));
        if (image.kind() != Attachment.Kind.SIGNATURE) {
          throw new ValidationException("signatureKey", "names a receipt, not a signature");
        }
        work.saveSignature(o.id(), signer, a.at(), image.id(), now);
        yield image.id();
      }
      case COMPLETED -> {
        String resolution =
            a.resolution() != null ? a.resolution() : work.closeOut(o.id()).resolution();
        if (resolution == null) {
          throw new ValidationException(
              "resolution", "is required to complete a visit: say what was done");
        }
        work.saveResolution(o.id(), resolution, now);
        work.runningLabour(o.id(), tech).ifPresent(l -> stop(l, a.at()));
        dispatch.changeStatus(o.id(), DispatchStatus.COMPLETED, null, actor);
        yield null;
      }
      case CANNOT_COMPLETE -> {
        String reason = Fields.notNull("reason", a.reason());
        work.runningLabour(o.id(), tech).ifPresent(l -> stop(l, a.at()));
        dispatch.changeStatus(o.id(), DispatchStatus.CANNOT_COMPLETE, reason, actor);
        yield null;
      }
    };
  }

  private long stop(WorkSheet.Labour running, Instant at) {
    if (at.isBefore(running.startedAt())) {
      throw new ValidationException("at", "the timer cannot stop before it started");
    }
    long seconds = Duration.between(running.startedAt(), at).toSeconds();
    int minutes = (int) Math.min(1440, (seconds + 59) / 60);
    work.stopLabour(running.id(), at, minutes);
    return running.id();
  }

  private Long partUsed(DispatchOrder o, FieldAction a, Actor actor, long tech) {
    long partId = Fields.notNull("partId", a.partId());
    int quantity = a.quantity() == null ? 1 : a.quantity();
    var part =
        work.part(partId).orElseThrow(() -> new ValidationException("partId", "no part " + partId));
    if (part.serialized() && a.serialNumbers().size() != quantity) {
      throw new ValidationException(
          "serialNumbers",
          "this part has serial numbers: give one per unit used (" + quantity + ")");
    }
    if (a.serialNumbers().stream().distinct().count() != a.serialNumbers().size()) {
      throw new ValidationException("serialNumbers", "the same serial number twice");
    }
    StockMove move = dispatch.useParts(o.id(), partId, quantity, actor);
    return work.insertPartUsed(
        o.id(), partId, quantity, a.serialNumbers(), part.unitCost(), move.id(), tech, a.at());
  }

  private Long expense(DispatchOrder o, FieldAction a, long tech) {
    requireWorking(o, "given expenses");
    ExpenseType type = Fields.notNull("expenseType", a.expenseType());
    BigDecimal amount = Fields.notNull("amount", a.amount());
    if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
      throw new ValidationException("amount", "must be from 0 to 1000000 with at most 2 decimals");
    }
    String currency = Fields.notNull("currency", a.currency());
    try {
      if (!currency.equals(currency.toUpperCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException();
      }
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("currency", "must be an ISO 4217 code like TWD");
    }
    Long receipt = null;
    if (a.receiptKey() != null) {
      Attachment image = upload(o, a.receiptKeyId());
      if (image.kind() != Attachment.Kind.RECEIPT) {
        throw new ValidationException("receiptKey", "names a signature, not a receipt");
      }
      receipt = image.id();
    }
    return work.insertExpense(o.id(), tech, type, amount, currency, a.note(), receipt, a.at());
  }

  /** The image uploaded before under {@code key} for this order. */
  private Attachment upload(DispatchOrder o, UUID key) {
    return work.attachment(key)
        .filter(x -> x.orderId() == o.id())
        .orElseThrow(
            () ->
                new ConflictException(
                    "attachment_missing",
                    "No image was uploaded under key "
                        + key
                        + " for order "
                        + o.id()
                        + "; upload it first",
                    Map.of("key", key.toString())));
  }

  private static void requireStatus(DispatchOrder o, String verb, DispatchStatus status) {
    if (o.status() != status) {
      throw notInState(o, verb);
    }
  }

  /** Work is recorded from en-route until the visit is closed. */
  private static void requireWorking(DispatchOrder o, String verb) {
    switch (o.status()) {
      case EN_ROUTE, ON_SITE, COMPLETED, CANNOT_COMPLETE -> {}
      default -> throw notInState(o, verb);
    }
  }

  private static ConflictException notInState(DispatchOrder o, String verb) {
    return new ConflictException(
        "dispatch_order_state",
        "Order " + o.id() + " is " + o.status() + " and cannot be " + verb,
        Map.of("id", o.id(), "status", o.status().name()));
  }

  private static NotFoundException notFound(long id) {
    return new NotFoundException("dispatch_order", id);
  }

  // ------------------------------------------------------------------ the loop back

  /**
   * What a first-time action sets off once committed: an arrival past the window asks for the
   * customer to be called, "cannot complete" goes back to the dispatcher, and the last completed
   * order of a ticket resolves it and asks for a satisfaction call. Failures here are logged, never
   * undo the technician's action.
   */
  private void afterCommit(DispatchOrder o, FieldAction a, Actor actor) {
    try {
      switch (a.type()) {
        case ARRIVED -> {
          if (a.at().isAfter(o.windowEnd())) {
            late(o);
          }
        }
        case CANNOT_COMPLETE -> backToDispatcher(o, a.reason());
        case COMPLETED -> completed(o, actor);
        default -> {}
      }
    } catch (RuntimeException e) {
      log.warn("Order {}: the loop back after {} failed ({})", o.id(), a.type(), e.toString());
    }
  }

  private void completed(DispatchOrder o, Actor actor) {
    List<DispatchOrder> visits = orders.forTicket(o.ticketId());
    if (visits.stream().anyMatch(v -> v.status().open())) {
      return; // another visit is still to come: the ticket stays open
    }
    Instant now = clock.instant();
    Ticket ticket = tickets.get(o.ticketId());
    if (ticket.status().isOpen()) {
      String resolution = work.closeOut(o.id()).resolution();
      changeTicketStatus.change(o.ticketId(), StatusChange.resolve(resolution), actor.userId());
      work.markTicketResolved(o.id(), now);
      log.info("Ticket {} resolved by the last visit, order {}", o.ticketId(), o.id());
    }
    Long owner = customerCaller(o, ticket);
    if (owner != null) {
      long survey =
          followUps
              .createCallback(
                  new CallbackDraft(
                      FollowUpKind.VISIT_SURVEY_CALL,
                      Map.of(
                          "orderId",
                          Long.toString(o.id()),
                          "ticketId",
                          Long.toString(o.ticketId())),
                      now.plus(Duration.ofHours(4)),
                      owner,
                      ticket.team(),
                      o.customerId(),
                      o.ticketId()))
              .id();
      work.link(o.id(), Link.SURVEY_FOLLOW_UP, survey, now);
    } else {
      log.warn("Order {}: nobody to make the satisfaction call (no assignee, no creator)", o.id());
    }
  }

  /** Records the KB draft offered from the ticket this order resolved. */
  public void kbDraftOffered(long orderId, long articleId) {
    work.link(orderId, Link.KB_ARTICLE, articleId, clock.instant());
  }

  private void backToDispatcher(DispatchOrder o, String reason) {
    Long owner = work.lastScheduler(o.id()).orElse(o.createdBy());
    if (owner == null) {
      log.warn("Order {} could not be completed and has no dispatcher to tell", o.id());
      return;
    }
    Instant now = clock.instant();
    long id =
        followUps
            .createCallback(
                new CallbackDraft(
                    FollowUpKind.VISIT_NOT_COMPLETED,
                    Map.of(
                        "orderId", Long.toString(o.id()), "reason", reason == null ? "" : reason),
                    now.plus(Duration.ofMinutes(30)),
                    owner,
                    null,
                    o.customerId(),
                    o.ticketId()))
            .id();
    work.link(o.id(), Link.DISPATCHER_FOLLOW_UP, id, now);
  }

  /**
   * Raises a follow-up to call the customer of every visit whose window has ended without the
   * technician on site (at most one per order); returns how many it raised. Run periodically.
   */
  public int chaseLate() {
    Instant now = clock.instant();
    List<DispatchOrder> open = new ArrayList<>();
    for (DispatchStatus s : List.of(DispatchStatus.SCHEDULED, DispatchStatus.EN_ROUTE)) {
      open.addAll(
          orders.list(new OrderQuery(now.minus(Duration.ofDays(1)), now, null, null, s, 2000)));
    }
    int raised = 0;
    for (DispatchOrder o : open) {
      if (o.windowEnd().isBefore(now) && late(o)) {
        raised++;
      }
    }
    return raised;
  }

  private boolean late(DispatchOrder o) {
    if (work.closeOut(o.id()).lateFollowUpId() != null) {
      return false;
    }
    Ticket ticket = tickets.get(o.ticketId());
    Long owner = customerCaller(o, ticket);
    if (owner == null) {
      return false;
    }
    Instant now = clock.instant();
    long id =
        followUps
            .createCallback(
                new CallbackDraft(
                    FollowUpKind.VISIT_LATE,
                    Map.of("orderId", Long.toString(o.id()), "windowEnd", o.windowEnd().toString()),
                    now.plus(Duration.ofMinutes(15)),
                    owner,
                    ticket.team(),
                    o.customerId(),
                    o.ticketId()))
            .id();
    work.link(o.id(), Link.LATE_FOLLOW_UP, id, now);
    log.info("Order {}: the technician is late, follow-up {} to call the customer", o.id(), id);
    return true;
  }

  /** The agent who calls the customer: the ticket's assignee, else whoever created the order. */
  private Long customerCaller(DispatchOrder o, Ticket ticket) {
    if (ticket.assigneeId() != null) {
      return ticket.assigneeId();
    }
    if (o.createdBy() != null) {
      return o.createdBy();
    }
    return ticket.createdBy();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
