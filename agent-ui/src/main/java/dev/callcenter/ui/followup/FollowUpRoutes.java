package dev.callcenter.ui.followup;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.followup.FollowUpDraft;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;

/**
 * Follow-ups (跟催): create, my list, overdue lists, complete with a note, cancel, reschedule. Agents
 * reach their own and their teams' follow-ups, supervisors and admins all ({@link
 * dev.callcenter.helpdesk.followup.FollowUpScope}); another's follow-up by id is a 404.
 */
public final class FollowUpRoutes {

  private final FollowUpService followUps;

  public FollowUpRoutes(FollowUpService followUps) {
    this.followUps = followUps;
  }

  /** Body of complete and cancel. */
  public record Note(String note) {
    public Note {
      note = Fields.optional("note", note, FollowUpDraft.MAX_NOTE);
    }
  }

  /** Body of reschedule. */
  public record Due(Instant dueAt) {
    public Due {
      Fields.notNull("dueAt", dueAt);
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/follow-ups",
        Api.staff(),
        201,
        ctx -> followUps.create(Api.body(ctx, FollowUpDraft.class), Api.userId(ctx)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/follow-ups",
        Api.staff(),
        200,
        ctx -> Map.of("items", followUps.openFor(ownerFor(ctx))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/follow-ups/overdue",
        Api.staff(),
        200,
        ctx -> {
          String team = Api.query(ctx, "team", 64);
          return Map.of(
              "items",
              team != null
                  ? followUps.overdueForTeam(team, Api.user(ctx))
                  : followUps.overdueFor(ownerFor(ctx)));
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/follow-ups/:id",
        Api.staff(),
        200,
        ctx -> followUps.get(Api.pathId(ctx, "id"), Api.user(ctx)));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/follow-ups/:id/complete",
        Api.staff(),
        200,
        ctx ->
            followUps.complete(
                Api.pathId(ctx, "id"), Api.user(ctx), Api.body(ctx, Note.class).note()));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/follow-ups/:id/cancel",
        Api.staff(),
        200,
        ctx ->
            followUps.cancel(
                Api.pathId(ctx, "id"), Api.user(ctx), Api.body(ctx, Note.class).note()));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/follow-ups/:id/due",
        Api.staff(),
        200,
        ctx ->
            followUps.reschedule(
                Api.pathId(ctx, "id"), Api.body(ctx, Due.class).dueAt(), Api.user(ctx)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id/follow-ups",
        Api.staff(),
        200,
        ctx -> Map.of("items", followUps.forCustomer(Api.pathId(ctx, "id"), Api.user(ctx))));
  }

  /** The list owner: the caller, or for supervisors and admins any user named by ownerId. */
  private static long ownerFor(RoutingContext ctx) {
    Long requested = Api.queryLong(ctx, "ownerId");
    return requested == null ? Api.userId(ctx) : Api.selfOrManager(ctx, requested, "follow-ups");
  }
}
