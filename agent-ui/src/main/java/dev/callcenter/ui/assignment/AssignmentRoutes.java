package dev.callcenter.ui.assignment;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.assignment.AssignmentOutcome;
import dev.callcenter.helpdesk.assignment.AssignmentService;
import dev.callcenter.helpdesk.assignment.DrainResult;
import dev.callcenter.helpdesk.assignment.MemberDraft;
import dev.callcenter.helpdesk.assignment.PresenceChange;
import dev.callcenter.helpdesk.assignment.TeamDraft;
import dev.callcenter.helpdesk.assignment.TeamMember;
import dev.callcenter.helpdesk.assignment.TeamOverview;
import dev.callcenter.helpdesk.assignment.TeamService;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;

/**
 * Teams, members, presence and automatic ticket assignment: team overviews with load, the queue of
 * a team, auto-assigning a ticket, and presence changes that hand tickets on or drain queues.
 */
public final class AssignmentRoutes {

  private final TeamService teams;
  private final AssignmentService assignment;

  public AssignmentRoutes(TeamService teams, AssignmentService assignment) {
    this.teams = teams;
    this.assignment = assignment;
  }

  /** Body of PUT /teams/:key (the key comes from the path). */
  public record TeamChange(String name, Integer defaultCapacity) {}

  /** Body of PUT /users/:id/presence. */
  public record Presence(Boolean present) {
    public Presence {
      Fields.notNull("present", present);
    }
  }

  /** A team after an edit, with the drain of its queue that the edit caused. */
  public record TeamChanged(TeamOverview team, DrainResult drained) {}

  /** A membership after an edit, with the drain of the team's queue that the edit caused. */
  public record MemberChanged(TeamMember member, DrainResult drained) {}

  /**
   * What the assigner did with one ticket.
   *
   * @param outcome ASSIGNED, QUEUED (waits in the team queue) or UNCHANGED (left alone)
   * @param assigneeId who received it, when ASSIGNED
   */
  public record OutcomeView(
      String outcome, String reason, Long assigneeId, String assigneeUsername, Ticket ticket) {

    static OutcomeView of(AssignmentOutcome o) {
      return switch (o) {
        case AssignmentOutcome.Assigned a ->
            new OutcomeView("ASSIGNED", a.reason(), a.userId(), a.username(), a.ticket());
        case AssignmentOutcome.Queued q ->
            new OutcomeView("QUEUED", q.reason(), null, null, q.ticket());
        case AssignmentOutcome.Unchanged u ->
            new OutcomeView("UNCHANGED", u.reason(), null, null, u.ticket());
      };
    }
  }

  /** A presence change with what it did to tickets. */
  public record PresenceView(
      long userId, boolean present, List<OutcomeView> reassigned, List<DrainResult> drained) {

    static PresenceView of(PresenceChange c) {
      return new PresenceView(
          c.userId(),
          c.present(),
          c.reassigned().stream().map(OutcomeView::of).toList(),
          c.drained());
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/teams",
        Api.staff(),
        200,
        ctx -> Map.of("items", teams.teams()));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/teams",
        Api.managers(),
        201,
        ctx -> teams.create(Api.body(ctx, TeamDraft.class)));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/teams/:key",
        Api.managers(),
        200,
        ctx -> {
          TeamChange body = Api.body(ctx, TeamChange.class);
          String key = ctx.pathParam("key");
          teams.update(new TeamDraft(key, body.name(), body.defaultCapacity()));
          DrainResult drained = assignment.drainQueue(key, Api.userId(ctx));
          return new TeamChanged(teams.team(key), drained);
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/teams/:key/queue",
        Api.staff(),
        200,
        ctx -> Map.of("items", assignment.queue(ctx.pathParam("key"))));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/teams/:key/members/:userId",
        Api.managers(),
        200,
        ctx -> {
          MemberDraft body = Api.body(ctx, MemberDraft.class);
          String key = ctx.pathParam("key");
          long userId = Api.pathId(ctx, "userId");
          teams.putMember(key, userId, body);
          DrainResult drained = assignment.drainQueue(key, Api.userId(ctx));
          return new MemberChanged(teams.member(key, userId), drained);
        });
    Api.route(
        router,
        HttpMethod.DELETE,
        "/api/v1/teams/:key/members/:userId",
        Api.managers(),
        204,
        ctx -> {
          teams.removeMember(ctx.pathParam("key"), Api.pathId(ctx, "userId"));
          return null;
        });
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/users/:id/presence",
        Api.anyone(),
        200,
        ctx -> {
          long userId = Api.selfOrManager(ctx, Api.pathId(ctx, "id"), "presence");
          boolean present = Api.body(ctx, Presence.class).present();
          return PresenceView.of(assignment.changePresence(userId, present, Api.userId(ctx)));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/tickets/:id/auto-assign",
        Api.staff(),
        200,
        ctx -> OutcomeView.of(assignment.assign(Api.pathId(ctx, "id"), Api.userId(ctx))));
  }
}
