package dev.callcenter.ui.dispatch;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.planning.PlanningJobs;
import dev.callcenter.ui.http.Api;
import dev.callcenter.ui.http.TrustedProxies;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Plans for the dispatcher: start a solve of a day or range (202 with the plan's id; it runs off
 * the request path within its budget), read its progress and result with the score, the reasons and
 * what is left unassigned, stop it early, accept it. Supervisors and admins only.
 */
public final class PlanRoutes {

  private static final int MAX_WAIT_SECONDS = 30;

  private final PlanningJobs jobs;
  private final TrustedProxies proxies;

  public PlanRoutes(PlanningJobs jobs, TrustedProxies proxies) {
    this.jobs = jobs;
    this.proxies = proxies;
  }

  /** Body of a new plan: the days {@code [from, to]} ({@code to} defaults to {@code from}). */
  public record PlanRequest(LocalDate from, LocalDate to, Integer budgetSeconds) {
    public PlanRequest {
      Fields.notNull("from", from);
      to = to == null ? from : to;
      budgetSeconds = budgetSeconds == null ? 10 : budgetSeconds;
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/plans",
        Api.managers(),
        202,
        ctx -> {
          PlanRequest r = Api.body(ctx, PlanRequest.class);
          return jobs.start(r.from(), r.to(), r.budgetSeconds());
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/plans/:id",
        Api.managers(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          int wait = Api.queryInt(ctx, "waitSeconds", 0, 0, MAX_WAIT_SECONDS);
          return jobs.get(id, Duration.ofSeconds(wait));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/plans/:id/stop",
        Api.managers(),
        200,
        ctx -> jobs.stop(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/plans/:id/accept",
        Api.managers(),
        200,
        ctx ->
            jobs.accept(
                Api.pathId(ctx, "id"),
                new Actor(Api.user(ctx), proxies.clientAddress(ctx.request()))));
  }
}
