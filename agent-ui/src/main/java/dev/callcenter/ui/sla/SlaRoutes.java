package dev.callcenter.ui.sla;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.sla.CalendarService;
import dev.callcenter.helpdesk.sla.Holiday;
import dev.callcenter.helpdesk.sla.SlaPolicyRepository;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** SLA setup: the policies in force and the holidays of the business calendar. */
public final class SlaRoutes {

  private final SlaPolicyRepository policies;
  private final CalendarService calendar;

  public SlaRoutes(SlaPolicyRepository policies, CalendarService calendar) {
    this.policies = policies;
    this.calendar = calendar;
  }

  /** Body of the holiday call. */
  public record HolidayName(String name) {}

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/sla/policies",
        Api.staff(),
        200,
        ctx -> Map.of("items", policies.all()));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/calendar/holidays",
        Api.anyone(),
        200,
        ctx -> Map.of("items", calendar.holidays()));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/calendar/holidays/:day",
        Api.managers(),
        200,
        ctx -> calendar.put(new Holiday(day(ctx), Api.body(ctx, HolidayName.class).name())));
    Api.route(
        router,
        HttpMethod.DELETE,
        "/api/v1/calendar/holidays/:day",
        Api.managers(),
        204,
        ctx -> {
          calendar.delete(day(ctx));
          return null;
        });
  }

  private static LocalDate day(RoutingContext ctx) {
    String raw = ctx.pathParam("day");
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw new ValidationException("day", "must be a date like 2027-02-05, not '" + raw + "'");
    }
  }
}
