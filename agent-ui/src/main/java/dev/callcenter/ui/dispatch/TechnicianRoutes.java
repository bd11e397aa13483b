package dev.callcenter.ui.dispatch;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.dispatch.DayOff;
import dev.callcenter.helpdesk.dispatch.TechnicianProfile;
import dev.callcenter.helpdesk.dispatch.TechnicianService;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * Technicians as the dispatcher plans them: skills, home base, weekly hours and days off. Staff
 * read every profile, a technician only their own; supervisors and admins change them.
 */
public final class TechnicianRoutes {

  private final TechnicianService technicians;

  public TechnicianRoutes(TechnicianService technicians) {
    this.technicians = technicians;
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/technicians",
        Api.staff(),
        200,
        ctx -> Map.of("items", technicians.list()));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/technicians/:id",
        Api.anyone(),
        200,
        ctx -> technicians.get(readable(ctx, Api.pathId(ctx, "id"))));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/dispatch/technicians/:id",
        Api.managers(),
        200,
        ctx -> technicians.save(Api.pathId(ctx, "id"), Api.body(ctx, TechnicianProfile.class)));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/technicians/:id/days-off",
        Api.managers(),
        201,
        ctx -> technicians.addDayOff(Api.pathId(ctx, "id"), Api.body(ctx, DayOff.class)));
    Api.route(
        router,
        HttpMethod.DELETE,
        "/api/v1/dispatch/technicians/:id/days-off/:day",
        Api.managers(),
        200,
        ctx -> technicians.removeDayOff(Api.pathId(ctx, "id"), day(ctx)));
  }

  /** A technician who is not also staff reads only their own profile; another's is a 403. */
  private static long readable(RoutingContext ctx, long id) {
    User user = Api.user(ctx);
    if (id != user.id() && !user.hasAnyRole(Set.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN))) {
      throw new HelpdeskException(
          HelpdeskException.Kind.FORBIDDEN, "forbidden", "Technicians see only their own profile");
    }
    return id;
  }

  private static LocalDate day(RoutingContext ctx) {
    String raw = ctx.pathParam("day");
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw new ValidationException("day", "must be a date like 2026-03-02, not '" + raw + "'");
    }
  }
}
