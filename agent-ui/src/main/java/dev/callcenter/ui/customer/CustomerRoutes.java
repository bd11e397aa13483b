package dev.callcenter.ui.customer;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.customer.csv.CustomerCsvImport;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.Map;

/** Customers: caller lookup, search, create, read, edit, delete, value and tier. */
public final class CustomerRoutes {

  private final CustomerService customers;
  private final InteractionService interactions;
  private final CustomerCsvImport csvImport;
  private final BigDecimal vipShare;

  public CustomerRoutes(
      CustomerService customers,
      InteractionService interactions,
      CustomerCsvImport csvImport,
      BigDecimal vipShare) {
    this.vipShare = vipShare;
    this.customers = customers;
    this.interactions = interactions;
    this.csvImport = csvImport;
  }

  /** Body of the tier-override call; a null tier clears the override. */
  public record TierOverride(Tier tier) {}

  /** Body of the value call. */
  public record Value(BigDecimal value12m) {
    public Value {
      if (value12m == null) {
        throw new ValidationException("value12m", "is required");
      }
    }
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/lookup",
        Api.staff(),
        200,
        ctx -> {
          String phone = Api.query(ctx, "phone", 80);
          if (phone == null) {
            throw new ValidationException("phone", "is required");
          }
          return customers.lookup(phone);
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers",
        Api.staff(),
        200,
        ctx ->
            Map.of(
                "items",
                customers.search(
                    Api.query(ctx, "q", 200),
                    Api.queryInt(ctx, "limit", 50, 1, 200),
                    Api.queryInt(ctx, "offset", 0, 0, 1_000_000))));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/customers",
        Api.staff(),
        201,
        ctx -> customers.create(Api.body(ctx, CustomerDraft.class)));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/customers/import",
        Api.managers(),
        200,
        ctx -> {
          Api.requireBodyType(ctx, "text/csv");
          var body = ctx.body().buffer();
          if (body == null || body.length() == 0) {
            throw new ValidationException("body", "send the CSV file as the request body");
          }
          return csvImport.importStream(new ByteArrayInputStream(body.getBytes()));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/customers/tiers/recompute",
        Api.managers(),
        200,
        ctx -> Map.of("changed", customers.recomputeTiers(vipShare)));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id",
        Api.staff(),
        200,
        ctx -> customers.get(Api.pathId(ctx, "id")));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/customers/:id",
        Api.staff(),
        200,
        ctx -> customers.update(Api.pathId(ctx, "id"), Api.body(ctx, CustomerDraft.class)));
    Api.route(
        router,
        HttpMethod.DELETE,
        "/api/v1/customers/:id",
        Api.roles(dev.callcenter.helpdesk.user.Role.ADMIN),
        204,
        ctx -> {
          customers.delete(Api.pathId(ctx, "id"));
          return null;
        });
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/customers/:id/tier-override",
        Api.managers(),
        200,
        ctx ->
            customers.setTierOverride(
                Api.pathId(ctx, "id"), Api.body(ctx, TierOverride.class).tier()));
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/customers/:id/value",
        Api.managers(),
        200,
        ctx -> customers.setValue(Api.pathId(ctx, "id"), Api.body(ctx, Value.class).value12m()));
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/customers/:id/interactions",
        Api.staff(),
        200,
        ctx ->
            Map.of(
                "items",
                interactions.forCustomer(
                    Api.pathId(ctx, "id"),
                    Api.queryInt(ctx, "limit", 50, 1, 200),
                    Api.queryInt(ctx, "offset", 0, 0, 1_000_000))));
  }
}
