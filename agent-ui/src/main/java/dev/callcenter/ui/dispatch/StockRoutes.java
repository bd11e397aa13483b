package dev.callcenter.ui.dispatch;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.dispatch.stock.PartDraft;
import dev.callcenter.helpdesk.dispatch.stock.StockService;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.Map;

/**
 * The parts catalogue and stock: everyone logged in reads the catalogue, locations and levels (a
 * technician checks their van); supervisors and admins add parts and warehouses, receive and
 * transfer stock, and read reservations and moves.
 */
public final class StockRoutes {

  private final StockService stock;

  public StockRoutes(StockService stock) {
    this.stock = stock;
  }

  /** Body of a new warehouse. */
  public record Warehouse(String name) {
    public Warehouse {
      name = Fields.required("name", name, 100);
    }
  }

  /** Body of a receipt: units arriving at a location. */
  public record Receipt(long locationId, long partId, int quantity) {
    public Receipt {
      Fields.positive("locationId", locationId);
      Fields.positive("partId", partId);
      checkQuantity(quantity);
    }
  }

  /** Body of a transfer between two locations. */
  public record Transfer(long fromLocationId, long toLocationId, long partId, int quantity) {
    public Transfer {
      Fields.positive("fromLocationId", fromLocationId);
      Fields.positive("toLocationId", toLocationId);
      Fields.positive("partId", partId);
      checkQuantity(quantity);
      if (fromLocationId == toLocationId) {
        throw new ValidationException("toLocationId", "must differ from fromLocationId");
      }
    }
  }

  private static void checkQuantity(int quantity) {
    if (quantity < 1 || quantity > 10_000) {
      throw new ValidationException("quantity", "must be from 1 to 10000");
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/parts",
        Api.anyone(),
        200,
        ctx -> Map.of("items", stock.parts()));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/parts",
        Api.managers(),
        201,
        ctx -> stock.createPart(Api.body(ctx, PartDraft.class)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/parts/:id",
        Api.anyone(),
        200,
        ctx -> stock.part(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/stock/locations",
        Api.anyone(),
        200,
        ctx -> Map.of("items", stock.locations()));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/stock/locations",
        Api.managers(),
        201,
        ctx -> stock.createWarehouse(Api.body(ctx, Warehouse.class).name()));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/stock/levels",
        Api.anyone(),
        200,
        ctx ->
            Map.of(
                "items",
                stock.levels(Api.queryLong(ctx, "locationId"), Api.queryLong(ctx, "partId"))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/stock/reservations",
        Api.managers(),
        200,
        ctx ->
            Map.of(
                "items",
                stock.reservations(
                    Api.queryLong(ctx, "orderId"), Api.queryLong(ctx, "locationId"))));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/dispatch/stock/moves",
        Api.managers(),
        200,
        ctx ->
            Map.of(
                "items",
                stock.moves(Api.queryLong(ctx, "partId"), Api.queryLong(ctx, "locationId"))));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/stock/receipts",
        Api.managers(),
        201,
        ctx -> {
          Receipt r = Api.body(ctx, Receipt.class);
          return stock.receive(r.locationId(), r.partId(), r.quantity(), Api.userId(ctx));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/dispatch/stock/transfers",
        Api.managers(),
        201,
        ctx -> {
          Transfer t = Api.body(ctx, Transfer.class);
          return stock.transfer(
              t.fromLocationId(), t.toLocationId(), t.partId(), t.quantity(), Api.userId(ctx));
        });
  }
}
