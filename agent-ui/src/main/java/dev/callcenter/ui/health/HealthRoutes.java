package dev.callcenter.ui.health;

import dev.callcenter.cti.call.PbxLinkStatus;
import dev.callcenter.ui.http.Api;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code GET /api/v1/health}: open to monitoring without login; reports the database. */
public final class HealthRoutes {

  private final BooleanSupplier databaseHealthy;
  private final String version;
  private final Supplier<PbxLinkStatus> pbx;

  public HealthRoutes(BooleanSupplier databaseHealthy, String version) {
    this(databaseHealthy, version, null);
  }

  /**
   * @param pbx the PBX link ({@code UP}, {@code CONNECTING}, {@code DOWN} and why it last failed),
   *     null when the CTI gateway is off; a PBX that is down degrades the report, it does not fail
   *     it
   */
  public HealthRoutes(
      BooleanSupplier databaseHealthy, String version, Supplier<PbxLinkStatus> pbx) {
    this.databaseHealthy = databaseHealthy;
    this.version = version;
    this.pbx = pbx;
  }

  /** The health report. */
  public record Health(
      String status, String version, Map<String, Map<String, String>> components) {}

  public void mount(Router router) {
    router
        .get("/api/v1/health")
        .handler(
            ctx ->
                ctx.vertx()
                    .executeBlocking(databaseHealthy::getAsBoolean, false)
                    .onFailure(ctx::fail)
                    .onSuccess(
                        up -> {
                          Map<String, Map<String, String>> components = new LinkedHashMap<>();
                          components.put("database", Map.of("status", up ? "UP" : "DOWN"));
                          String overall = up ? "UP" : "DOWN";
                          if (pbx != null) {
                            PbxLinkStatus link = pbx.get();
                            String ami = link.state();
                            Map<String, String> report = new LinkedHashMap<>();
                            report.put("status", ami);
                            report.put("since", String.valueOf(link.since()));
                            if (!ami.equals("UP") && link.lastFailure() != null) {
                              // Why it is not up: authentication_failed, refused, timed_out …
                              report.put("reason", link.lastFailure());
                              report.put("reasonDetail", link.lastFailureDetail());
                              report.put("failedAt", String.valueOf(link.lastFailureAt()));
                            }
                            components.put("pbx", report);
                            if (up && !ami.equals("UP")) {
                              overall = "DEGRADED";
                            }
                          }
                          Api.send(ctx, up ? 200 : 503, new Health(overall, version, components));
                        }));
  }
}
