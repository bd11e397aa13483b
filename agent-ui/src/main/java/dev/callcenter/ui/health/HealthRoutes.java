package dev.callcenter.ui.health;

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
  private final Supplier<String> pbx;

  public HealthRoutes(BooleanSupplier databaseHealthy, String version) {
    this(databaseHealthy, version, null);
  }

  /**
   * @param pbx the AMI connection's state ({@code UP}, {@code CONNECTING}, {@code DOWN}), null when
   *     the CTI gateway is off; a PBX that is down degrades the report, it does not fail it
   */
  public HealthRoutes(BooleanSupplier databaseHealthy, String version, Supplier<String> pbx) {
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
                            String ami = pbx.get();
                            components.put("pbx", Map.of("status", ami));
                            if (up && !ami.equals("UP")) {
                              overall = "DEGRADED";
                            }
                          }
                          Api.send(ctx, up ? 200 : 503, new Health(overall, version, components));
                        }));
  }
}
