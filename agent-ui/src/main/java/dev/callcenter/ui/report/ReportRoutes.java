package dev.callcenter.ui.report;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.report.Bucket;
import dev.callcenter.helpdesk.report.CallThresholds;
import dev.callcenter.helpdesk.report.ComplaintSpikes;
import dev.callcenter.helpdesk.report.Report;
import dev.callcenter.helpdesk.report.ReportCsv;
import dev.callcenter.helpdesk.report.ReportFilter;
import dev.callcenter.helpdesk.report.ReportPeriod;
import dev.callcenter.helpdesk.report.ReportRollups;
import dev.callcenter.helpdesk.report.ReportService;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The reports (docs/metrics.md) for supervisors and admins: {@code GET /api/v1/reports} lists them,
 * {@code GET /api/v1/reports/{name}} runs one as JSON or, with {@code format=csv}, as a CSV file.
 */
public final class ReportRoutes {

  /** The period when none is given: the last 7 days up to today. */
  static final int DEFAULT_DAYS = 7;

  private final ReportService reports;
  private final ReportRollups rollups;
  private final Clock clock;

  public ReportRoutes(ReportService reports, ReportRollups rollups, Clock clock) {
    this.reports = reports;
    this.rollups = rollups;
    this.clock = clock;
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/reports",
        Api.managers(),
        200,
        ctx ->
            Map.of(
                "items",
                ReportService.NAMES,
                "defaults",
                Map.of(
                    "serviceLevelSeconds",
                    CallThresholds.DEFAULT_SERVICE_LEVEL_SECONDS,
                    "shortAbandonSeconds",
                    CallThresholds.DEFAULT_SHORT_ABANDON_SECONDS,
                    "spikeWeeks",
                    ComplaintSpikes.DEFAULT.window(),
                    "spikeSigma",
                    ComplaintSpikes.DEFAULT.k())));
    // Rewrites the rollups from the raw facts and holds call and state writers while it runs:
    // the admins' (ADR 0023).
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/reports/rollups/rebuild",
        Api.admins(),
        200,
        ctx -> {
          ReportRollups.Rebuilt r = rollups.rebuild();
          return Map.of(
              "callRows", r.callRows(), "stateRows", r.stateRows(), "millis", r.took().toMillis());
        });
    router
        .route(HttpMethod.GET, "/api/v1/reports/:name")
        .handler(Api.managers())
        .handler(this::report);
  }

  private void report(RoutingContext ctx) {
    String format = Api.query(ctx, "format", 10);
    boolean csv;
    if (format == null || format.isBlank() || format.equals("json")) {
      csv = false;
    } else if (format.equals("csv")) {
      csv = true;
    } else {
      ctx.fail(new ValidationException("format", "must be json or csv"));
      return;
    }
    if (!csv) {
      Api.respond(ctx, 200, () -> reports.run(request(ctx)));
      return;
    }
    ctx.vertx()
        .executeBlocking(
            () -> {
              Report r = reports.run(request(ctx));
              return Map.entry(r, ReportCsv.write(r));
            },
            false)
        .onSuccess(
            e -> {
              Report r = e.getKey();
              String file =
                  r.name()
                      + "_"
                      + r.parameters().get("from")
                      + "_"
                      + r.parameters().get("to")
                      + ".csv";
              ctx.response()
                  .putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
                  .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                  .putHeader("Cache-Control", "no-store")
                  .putHeader("X-Content-Type-Options", "nosniff")
                  .end(e.getValue());
            })
        .onFailure(ctx::fail);
  }

  /** Parses the request on the worker thread; every bad parameter is a 400 naming it. */
  private ReportService.Request request(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    if (!ReportService.NAMES.contains(name)) {
      throw new ValidationException(
          "name", "must be one of " + String.join(", ", ReportService.NAMES));
    }
    User user = Api.user(ctx);
    ZoneId zone = zone(Api.query(ctx, "zone", 64), user);
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    LocalDate to = date(Api.query(ctx, "to", 20), "to", today);
    LocalDate from = date(Api.query(ctx, "from", 20), "from", to.minusDays(DEFAULT_DAYS - 1));
    String bucketText = Api.query(ctx, "bucket", 10);
    Bucket bucket =
        bucketText == null || bucketText.isBlank()
            ? (from.equals(to) ? Bucket.HOUR : Bucket.DAY)
            : Bucket.fromWire(bucketText.strip());
    ReportPeriod period = new ReportPeriod(from, to, zone, bucket);
    Long agent = Api.queryLong(ctx, "agent");
    ReportFilter filter =
        new ReportFilter(
            text(ctx, "queue", 80),
            text(ctx, "team", 64),
            agent,
            text(ctx, "product", 200),
            Api.queryEnum(ctx, "tier", Tier.class));
    CallThresholds thresholds =
        new CallThresholds(
            Api.queryInt(
                ctx, "serviceLevelSeconds", CallThresholds.DEFAULT_SERVICE_LEVEL_SECONDS, 1, 3600),
            Api.queryInt(
                ctx, "shortAbandonSeconds", CallThresholds.DEFAULT_SHORT_ABANDON_SECONDS, 0, 600));
    ComplaintSpikes spikes =
        new ComplaintSpikes(
            Api.queryInt(ctx, "spikeWeeks", ComplaintSpikes.DEFAULT.window(), 2, 52),
            sigma(Api.query(ctx, "spikeSigma", 10)),
            ComplaintSpikes.DEFAULT.minimumWeeks(),
            ComplaintSpikes.DEFAULT.minimumCount());
    return new ReportService.Request(name, period, filter, thresholds, spikes);
  }

  private static String text(RoutingContext ctx, String name, int max) {
    String raw = Api.query(ctx, name, max);
    return raw == null || raw.isBlank() ? null : raw.strip();
  }

  private static ZoneId zone(String text, User user) {
    String id = text == null || text.isBlank() ? user.timeZone() : text.strip();
    try {
      return ZoneId.of(id == null ? "Asia/Taipei" : id);
    } catch (DateTimeException e) {
      throw new ValidationException("zone", "must be an IANA time zone like Asia/Taipei");
    }
  }

  private static LocalDate date(String text, String field, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      LocalDate d = LocalDate.parse(text.strip());
      if (d.getYear() < 2000 || d.getYear() > 2100) {
        throw new ValidationException(field, "must be between 2000 and 2100");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new ValidationException(field, "must be a date like 2026-03-01");
    }
  }

  private static double sigma(String text) {
    if (text == null || text.isBlank()) {
      return ComplaintSpikes.DEFAULT.k();
    }
    try {
      double k = Double.parseDouble(text.strip());
      if (Double.isFinite(k)) {
        return k;
      }
    } catch (NumberFormatException e) {
      // the 400 below
    }
    throw new ValidationException("spikeSigma", "must be a number above 0 and at most 10");
  }
}
