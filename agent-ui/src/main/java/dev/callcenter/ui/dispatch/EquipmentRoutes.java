package dev.callcenter.ui.dispatch;

import dev.callcenter.helpdesk.dispatch.Actor;
import dev.callcenter.helpdesk.dispatch.EquipmentDraft;
import dev.callcenter.helpdesk.dispatch.EquipmentService;
import dev.callcenter.helpdesk.dispatch.ServiceHistoryService;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The installed base and service history: staff record units at customers' sites and read each
 * unit's and each customer's past visits; a technician reads the service history of the customers
 * of their own orders, and reaches a unit only through their order.
 */
public final class EquipmentRoutes {

  private final EquipmentService equipment;
  private final ServiceHistoryService serviceHistory;

  public EquipmentRoutes(EquipmentService equipment, ServiceHistoryService serviceHistory) {
    this.equipment = equipment;
    this.serviceHistory = serviceHistory;
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/equipment",
        Api.staff(),
        201,
        ctx -> equipment.create(Api.body(ctx, EquipmentDraft.class)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/equipment/:id",
        Api.staff(),
        200,
        ctx -> equipment.get(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/equipment/:id/history",
        Api.staff(),
        200,
        ctx -> equipment.history(Api.pathId(ctx, "id"), offset(ctx), limit(ctx)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id/equipment",
        Api.staff(),
        200,
        ctx -> Map.of("items", equipment.forCustomer(Api.pathId(ctx, "id"))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id/service-history",
        Api.anyone(),
        200,
        ctx ->
            serviceHistory.ofCustomer(
                Api.pathId(ctx, "id"), offset(ctx), limit(ctx), new Actor(Api.user(ctx), null)));
  }

  private static int limit(RoutingContext ctx) {
    return Api.queryInt(ctx, "limit", 50, 1, ServiceHistoryService.MAX_LIMIT);
  }

  private static int offset(RoutingContext ctx) {
    return Api.queryInt(ctx, "offset", 0, 0, 1_000_000);
  }
}
