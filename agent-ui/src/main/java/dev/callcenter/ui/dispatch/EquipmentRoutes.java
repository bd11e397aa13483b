package dev.callcenter.ui.dispatch;

import dev.callcenter.helpdesk.dispatch.EquipmentDraft;
import dev.callcenter.helpdesk.dispatch.EquipmentService;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.Map;

/**
 * The installed base: staff record units at customers' sites and read each unit's service history.
 * Technicians are not given these yet: they are to see only the equipment of their own orders.
 */
public final class EquipmentRoutes {

  private final EquipmentService equipment;

  public EquipmentRoutes(EquipmentService equipment) {
    this.equipment = equipment;
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
        ctx -> equipment.history(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id/equipment",
        Api.staff(),
        200,
        ctx -> Map.of("items", equipment.forCustomer(Api.pathId(ctx, "id"))));
  }
}
