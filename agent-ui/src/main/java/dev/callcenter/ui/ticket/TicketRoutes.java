package dev.callcenter.ui.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.sla.TicketSla;
import dev.callcenter.helpdesk.sla.TicketSlaService;
import dev.callcenter.helpdesk.ticket.CommentDraft;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketQuery;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.ticket.TicketUpdate;
import dev.callcenter.helpdesk.ticket.TicketWorkflow;
import dev.callcenter.helpdesk.timeline.TimelineService;
import dev.callcenter.helpdesk.usecase.ChangeTicketStatus;
import dev.callcenter.helpdesk.usecase.OpenTicket;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Tickets: create, list with filters, read with SLA state, edit, status, assign, comment. */
public final class TicketRoutes {

  private final TicketService tickets;
  private final TicketWorkflow workflow;
  private final OpenTicket openTicket;
  private final ChangeTicketStatus changeStatus;
  private final TicketSlaService sla;
  private final TimelineService timeline;

  public TicketRoutes(
      TicketService tickets,
      TicketWorkflow workflow,
      OpenTicket openTicket,
      ChangeTicketStatus changeStatus,
      TicketSlaService sla,
      TimelineService timeline) {
    this.tickets = tickets;
    this.workflow = workflow;
    this.openTicket = openTicket;
    this.changeStatus = changeStatus;
    this.sla = sla;
    this.timeline = timeline;
  }

  /** A ticket with its SLA clocks and the statuses it may move to next. */
  public record TicketView(
      @JsonUnwrapped Ticket ticket, TicketSla sla, Set<TicketStatus> allowedTransitions) {}

  /**
   * Body of the assignment call. {@code assigneeId} must be given, {@code null} to unassign: an
   * empty body must not silently take a ticket away from its assignee.
   */
  public record Assignment(
      @JsonProperty(required = true) Long assigneeId, String team, Integer version) {
    public Assignment {
      team = Fields.optional("team", team, 64);
      if (assigneeId != null) {
        Fields.positive("assigneeId", assigneeId);
      }
    }
  }

  /** Body of the link call. */
  public record Link(Long interactionId) {
    public Link {
      Fields.positive("interactionId", Fields.notNull("interactionId", interactionId));
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/tickets",
        Api.staff(),
        201,
        ctx -> view(openTicket.open(Api.body(ctx, TicketDraft.class), Api.userId(ctx))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/tickets",
        Api.staff(),
        200,
        ctx -> Map.of("items", tickets.list(query(ctx))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/tickets/:id",
        Api.staff(),
        200,
        ctx -> view(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/tickets/:id",
        Api.staff(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          tickets.update(id, Api.body(ctx, TicketUpdate.class), Api.userId(ctx));
          return view(id);
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/tickets/:id/status",
        Api.staff(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          changeStatus.change(id, Api.body(ctx, StatusChange.class), Api.userId(ctx));
          return view(id);
        });
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/tickets/:id/assignee",
        Api.staff(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          Assignment a = Api.body(ctx, Assignment.class);
          Ticket current = tickets.get(id);
          TicketUpdate update =
              TicketUpdate.of(current)
                  .withAssignee(a.assigneeId(), a.team() != null ? a.team() : current.team());
          if (a.version() != null) {
            update = update.withVersion(a.version());
          }
          tickets.update(id, update, Api.userId(ctx));
          return view(id);
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/tickets/:id/comments",
        Api.staff(),
        201,
        ctx ->
            tickets.comment(
                Api.pathId(ctx, "id"), Api.body(ctx, CommentDraft.class), Api.userId(ctx)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/tickets/:id/comments",
        Api.staff(),
        200,
        ctx -> Map.of("items", tickets.comments(Api.pathId(ctx, "id"))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/tickets/:id/audit",
        Api.staff(),
        200,
        ctx -> Map.of("items", tickets.audit(Api.pathId(ctx, "id"))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/tickets/:id/sla",
        Api.staff(),
        200,
        ctx -> sla.sla(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/tickets/:id/interactions",
        Api.staff(),
        204,
        ctx -> {
          tickets.linkInteraction(
              Api.pathId(ctx, "id"), Api.body(ctx, Link.class).interactionId(), Api.userId(ctx));
          return null;
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id/tickets",
        Api.staff(),
        200,
        ctx -> {
          long customer = Api.pathId(ctx, "id");
          boolean openOnly = !Boolean.FALSE.equals(booleanParam(ctx, "open"));
          return Map.of("items", tickets.forCustomer(customer, openOnly));
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id/timeline",
        Api.staff(),
        200,
        ctx ->
            Map.of(
                "items",
                timeline.timeline(
                    Api.pathId(ctx, "id"),
                    Api.queryInt(ctx, "limit", 50, 1, TimelineService.MAX_LIMIT),
                    Api.queryInt(ctx, "offset", 0, 0, 10_000_000))));
  }

  private TicketView view(long id) {
    return view(tickets.get(id));
  }

  private TicketView view(Ticket t) {
    return new TicketView(t, sla.sla(t), workflow.allowedNext(t));
  }

  private static TicketQuery query(RoutingContext ctx) {
    Long assignee = assignee(ctx);
    return new TicketQuery(
        statuses(ctx.queryParams().get("status")),
        Api.queryLong(ctx, "customerId"),
        assignee,
        Api.query(ctx, "team", 64),
        Api.queryEnum(ctx, "type", TicketType.class),
        Api.queryEnum(ctx, "priority", Priority.class),
        booleanParam(ctx, "breached"),
        Api.queryInstant(ctx, "dueBefore"),
        Api.queryInt(ctx, "limit", 50, 1, TicketQuery.MAX_LIMIT),
        Api.queryInt(ctx, "offset", 0, 0, 10_000_000));
  }

  /** {@code assigneeId=me} is the caller. */
  private static Long assignee(RoutingContext ctx) {
    String raw = ctx.queryParams().get("assigneeId");
    return "me".equals(raw) ? Long.valueOf(Api.userId(ctx)) : Api.queryLong(ctx, "assigneeId");
  }

  private static Set<TicketStatus> statuses(String raw) {
    if (raw == null || raw.isBlank()) {
      return Set.of();
    }
    Set<TicketStatus> result = EnumSet.noneOf(TicketStatus.class);
    for (String part : raw.split(",")) {
      result.add(Api.parseEnum("status", part, TicketStatus.class));
    }
    return result;
  }

  private static Boolean booleanParam(RoutingContext ctx, String name) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return switch (raw.strip()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ValidationException(name, "must be true or false");
    };
  }
}
