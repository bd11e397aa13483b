package dev.callcenter.ui.customer;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.customer.csv.CustomerCsvImport;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.ui.http.Api;
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
    router
        .get("/api/v1/customers/lookup")
        .handler(Api.anyone())
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    200,
                    () -> {
                      String phone = Api.query(ctx, "phone", 80);
                      if (phone == null) {
                        throw new ValidationException("phone", "is required");
                      }
                      return customers.lookup(phone);
                    }));
    router
        .get("/api/v1/customers")
        .handler(Api.anyone())
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    200,
                    () ->
                        Map.of(
                            "items",
                            customers.search(
                                Api.query(ctx, "q", 200),
                                Api.queryInt(ctx, "limit", 50, 1, 200),
                                Api.queryInt(ctx, "offset", 0, 0, 1_000_000)))));
    router
        .post("/api/v1/customers")
        .handler(Api.staff())
        .handler(
            ctx ->
                Api.respond(ctx, 201, () -> customers.create(Api.body(ctx, CustomerDraft.class))));
    router
        .post("/api/v1/customers/import")
        .handler(Api.managers())
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    200,
                    () -> {
                      var body = ctx.body().buffer();
                      if (body == null || body.length() == 0) {
                        throw new ValidationException(
                            "body", "send the CSV file as the request body");
                      }
                      return csvImport.importStream(new ByteArrayInputStream(body.getBytes()));
                    }));
    router
        .post("/api/v1/customers/tiers/recompute")
        .handler(Api.managers())
        .handler(
            ctx ->
                Api.respond(ctx, 200, () -> Map.of("changed", customers.recomputeTiers(vipShare))));
    router
        .get("/api/v1/customers/:id")
        .handler(Api.anyone())
        .handler(ctx -> Api.respond(ctx, 200, () -> customers.get(Api.pathId(ctx, "id"))));
    router
        .put("/api/v1/customers/:id")
        .handler(Api.staff())
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    200,
                    () ->
                        customers.update(
                            Api.pathId(ctx, "id"), Api.body(ctx, CustomerDraft.class))));
    router
        .delete("/api/v1/customers/:id")
        .handler(Api.roles(dev.callcenter.helpdesk.user.Role.ADMIN))
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    204,
                    () -> {
                      customers.delete(Api.pathId(ctx, "id"));
                      return null;
                    }));
    router
        .put("/api/v1/customers/:id/tier-override")
        .handler(Api.managers())
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    200,
                    () ->
                        customers.setTierOverride(
                            Api.pathId(ctx, "id"), Api.body(ctx, TierOverride.class).tier())));
    router
        .put("/api/v1/customers/:id/value")
        .handler(Api.managers())
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    200,
                    () ->
                        customers.setValue(
                            Api.pathId(ctx, "id"), Api.body(ctx, Value.class).value12m())));
    router
        .get("/api/v1/customers/:id/interactions")
        .handler(Api.anyone())
        .handler(
            ctx ->
                Api.respond(
                    ctx,
                    200,
                    () ->
                        Map.of(
                            "items",
                            interactions.forCustomer(
                                Api.pathId(ctx, "id"),
                                Api.queryInt(ctx, "limit", 50, 1, 200),
                                Api.queryInt(ctx, "offset", 0, 0, 1_000_000)))));
  }
}
