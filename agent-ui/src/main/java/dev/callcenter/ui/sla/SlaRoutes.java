package dev.callcenter.ui.sla;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.sla.CalendarService;
import dev.callcenter.helpdesk.sla.Holiday;
import dev.callcenter.helpdesk.sla.SlaPolicy;
import dev.callcenter.helpdesk.sla.SlaPolicyDraft;
import dev.callcenter.helpdesk.sla.SlaPolicyService;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** SLA setup: the policies in force and the holidays of the business calendar. */
public final class SlaRoutes {

  private final SlaPolicyService policies;
  private final CalendarService calendar;

  public SlaRoutes(SlaPolicyService policies, CalendarService calendar) {
    this.policies = policies;
    this.calendar = calendar;
  }

  /** Body of the holiday call. */
  public record HolidayName(String name) {}

  /** Body of a year's holidays. */
  public record HolidayYear(List<Holiday> items) {}

  /** Body of a new policy: its key (null matches any) and targets in business minutes. */
  public record NewPolicy(
      TicketType type,
      Priority priority,
      Tier tier,
      Integer firstResponseMinutes,
      Integer resolutionMinutes) {}

  /** A policy as the API shows it: targets in business minutes. */
  public record PolicyView(
      long id,
      TicketType type,
      Priority priority,
      Tier tier,
      long firstResponseMinutes,
      long resolutionMinutes) {
    static PolicyView of(SlaPolicy p) {
      return new PolicyView(
          p.id(),
          p.type(),
          p.priority(),
          p.tier(),
          p.firstResponse().toMinutes(),
          p.resolution().toMinutes());
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/sla/policies",
        Api.staff(),
        200,
        ctx -> Map.of("items", policies.all().stream().map(PolicyView::of).toList()));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/sla/policies",
        Api.managers(),
        201,
        ctx -> {
          NewPolicy body = Api.body(ctx, NewPolicy.class);
          return PolicyView.of(
              policies.add(
                  new SlaPolicyDraft(
                      body.type(),
                      body.priority(),
                      body.tier(),
                      new SlaPolicyDraft.Targets(
                          body.firstResponseMinutes(), body.resolutionMinutes())),
                  Api.userId(ctx)));
        });
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/sla/policies/:id",
        Api.managers(),
        200,
        ctx ->
            PolicyView.of(
                policies.changeTargets(
                    Api.pathId(ctx, "id"),
                    Api.body(ctx, SlaPolicyDraft.Targets.class),
                    Api.userId(ctx))));
    Api.route(
        router,
        HttpMethod.DELETE,
        "/api/v1/sla/policies/:id",
        Api.managers(),
        204,
        ctx -> {
          policies.remove(Api.pathId(ctx, "id"), Api.userId(ctx));
          return null;
        });
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
        HttpMethod.PUT,
        "/api/v1/calendar/holidays/years/:year",
        Api.managers(),
        200,
        ctx -> {
          int year = (int) Api.pathId(ctx, "year");
          return Map.of(
              "items", calendar.replaceYear(year, Api.body(ctx, HolidayYear.class).items()));
        });
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
