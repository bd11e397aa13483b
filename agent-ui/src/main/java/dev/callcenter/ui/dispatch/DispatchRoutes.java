package dev.callcenter.ui.dispatch;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.DispatchOrderDraft;
import dev.callcenter.helpdesk.dispatch.DispatchOrderEdit;
import dev.callcenter.helpdesk.dispatch.DispatchService;
import dev.callcenter.helpdesk.dispatch.DispatchStatus;
import dev.callcenter.helpdesk.dispatch.OrderQuery;
import dev.callcenter.helpdesk.dispatch.PartQuantity;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.usecase.CreateDispatchOrder;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.ui.http.Api;
import dev.callcenter.ui.http.TrustedProxies;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Dispatch orders: agents create them from tickets and read them, dispatchers (supervisors and
 * admins) edit, schedule, pin and move them along, technicians read and report on their own only
 * (another's order is a 404, decided in {@link DispatchService}).
 */
public final class DispatchRoutes {

  private final DispatchService dispatch;
  private final CreateDispatchOrder create;
  private final TicketService tickets;
  private final TrustedProxies proxies;
  private final ZoneId zone;

  public DispatchRoutes(
      DispatchService dispatch,
      CreateDispatchOrder create,
      TicketService tickets,
      TrustedProxies proxies,
      ZoneId zone) {
    this.dispatch = dispatch;
    this.create = create;
    this.tickets = tickets;
    this.proxies = proxies;
    this.zone = zone;
  }

  /** Body of schedule: the technician and when work starts. */
  public record Schedule(Long technicianId, Instant start) {
    public Schedule {
      Fields.positive("technicianId", Fields.notNull("technicianId", technicianId));
      Fields.inRange("start", Fields.notNull("start", start));
    }
  }

  /** Body of unschedule. */
  public record Reason(String reason) {
    public Reason {
      reason = Fields.optional("reason", reason, 2000);
    }
  }

  /** Body of pin. */
  public record Pin(Boolean pinned) {
    public Pin {
      Fields.notNull("pinned", pinned);
    }
  }

  /** Body of a status change; the reason is required for CANNOT_COMPLETE and CANCELLED. */
  public record StatusChange(DispatchStatus status, String reason) {
    public StatusChange {
      Fields.notNull("status", status);
      reason = Fields.optional("reason", reason, 2000);
    }
  }

  /** Body of a dispatcher's override: parts used beyond the van's stock, and why. */
  public record PartsOverride(Long partId, Integer quantity, String reason) {
    public PartsOverride {
      Fields.positive("partId", Fields.notNull("partId", partId));
      Fields.notNull("quantity", quantity);
      reason = Fields.required("reason", reason, 2000);
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/orders",
        Api.staff(),
        201,
        ctx -> create.create(Api.body(ctx, DispatchOrderDraft.class), actor(ctx)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/orders",
        Api.anyone(),
        200,
        ctx -> Map.of("items", dispatch.list(query(ctx), actor(ctx))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/orders/:id",
        Api.anyone(),
        200,
        ctx -> dispatch.get(Api.pathId(ctx, "id"), actor(ctx)));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/dispatch/orders/:id",
        Api.managers(),
        200,
        ctx ->
            dispatch.edit(
                Api.pathId(ctx, "id"), Api.body(ctx, DispatchOrderEdit.class), actor(ctx)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/orders/:id/history",
        Api.anyone(),
        200,
        ctx -> Map.of("items", dispatch.history(Api.pathId(ctx, "id"), actor(ctx))));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/orders/:id/schedule",
        Api.managers(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          Schedule s = Api.body(ctx, Schedule.class);
          return dispatch.schedule(id, s.technicianId(), s.start(), null, actor(ctx));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/orders/:id/unschedule",
        Api.managers(),
        200,
        ctx ->
            dispatch.unschedule(
                Api.pathId(ctx, "id"), Api.body(ctx, Reason.class).reason(), actor(ctx)));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/dispatch/orders/:id/pin",
        Api.managers(),
        200,
        ctx -> dispatch.pin(Api.pathId(ctx, "id"), Api.body(ctx, Pin.class).pinned(), actor(ctx)));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/orders/:id/status",
        Api.roles(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          StatusChange change = Api.body(ctx, StatusChange.class);
          return dispatch.changeStatus(id, change.status(), change.reason(), actor(ctx));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/orders/:id/parts-used",
        Api.roles(Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN),
        201,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          PartQuantity used = Api.body(ctx, PartQuantity.class);
          return dispatch.useParts(id, used.partId(), used.quantity(), actor(ctx));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/orders/:id/parts-override",
        Api.managers(),
        201,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          PartsOverride o = Api.body(ctx, PartsOverride.class);
          return dispatch.usePartsBeyondStock(id, o.partId(), o.quantity(), o.reason(), actor(ctx));
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/tickets/:id/dispatch-orders",
        Api.staff(),
        200,
        ctx -> {
          long ticket = Api.pathId(ctx, "id");
          tickets.get(ticket);
          return Map.of("items", dispatch.forTicket(ticket, actor(ctx)));
        });
  }

  private Actor actor(RoutingContext ctx) {
    return new Actor(Api.user(ctx), proxies.clientAddress(ctx.request()));
  }

  /** {@code day} (in the planning zone) or {@code from}/{@code to}, and the filters. */
  private OrderQuery query(RoutingContext ctx) {
    Instant from = Api.queryInstant(ctx, "from");
    Instant to = Api.queryInstant(ctx, "to");
    String day = Api.query(ctx, "day", 10);
    if (day != null && !day.isBlank()) {
      try {
        LocalDate d = LocalDate.parse(day.strip());
        from = d.atStartOfDay(zone).toInstant();
        to = d.plusDays(1).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new ValidationException("day", "must be a date like 2026-03-02");
      }
    }
    Fields.inRange("from", from);
    Fields.inRange("to", to);
    return new OrderQuery(
        from,
        to,
        Api.queryLong(ctx, "technicianId"),
        Api.queryLong(ctx, "ticketId"),
        Api.queryEnum(ctx, "status", DispatchStatus.class),
        Api.queryInt(ctx, "limit", 200, 1, 2000));
  }
}
