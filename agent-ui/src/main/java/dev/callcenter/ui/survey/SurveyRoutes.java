package dev.callcenter.ui.survey;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.survey.SurveyGrouping;
import dev.callcenter.helpdesk.survey.SurveyService;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** Satisfaction survey results per agent, queue or product (supervisors and admins). */
public final class SurveyRoutes {
  private final SurveyService surveys;
  private final java.time.Clock clock;

  public SurveyRoutes(SurveyService surveys, java.time.Clock clock) {
    this.surveys = surveys;
    this.clock = clock;
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/surveys/results",
        Api.managers(),
        200,
        ctx -> {
          String by = Api.query(ctx, "by", 20);
          SurveyGrouping grouping;
          try {
            grouping = SurveyGrouping.valueOf((by == null ? "QUEUE" : by).toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new ValidationException("by", "must be agent, queue or product");
          }
          Instant to = instant(Api.query(ctx, "to", 40), "to", clock.instant());
          Instant from = instant(Api.query(ctx, "from", 40), "from", to.minus(Duration.ofDays(30)));
          return Map.of(
              "by", grouping, "from", from, "to", to, "items", surveys.results(grouping, from, to));
        });
  }

  private static Instant instant(String text, String field, Instant fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ValidationException(field, "must be an ISO-8601 instant like 2026-11-01T00:00:00Z");
    }
  }
}
