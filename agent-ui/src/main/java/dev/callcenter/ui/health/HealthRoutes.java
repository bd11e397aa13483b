package dev.callcenter.ui.health;

import dev.callcenter.ui.http.Api;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /api/v1/health}: open to monitoring without login; reports the database. */
public final class HealthRoutes {

  private final BooleanSupplier databaseHealthy;
  private final String version;

  public HealthRoutes(BooleanSupplier databaseHealthy, String version) {
    this.databaseHealthy = databaseHealthy;
    this.version = version;
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
                          Api.send(
                              ctx,
                              up ? 200 : 503,
                              new Health(up ? "UP" : "DOWN", version, components));
                        }));
  }
}
