package dev.callcenter.server.field;

import static dev.callcenter.server.field.FieldKit.act;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's service history over real HTTP (issue 15): past visits newest first with labour,
 * parts, expenses and totals that can be checked by hand, paged; the equipment history in the same
 * shape; staff read any customer's, a technician only those of customers with an order on them.
 */
class ServiceHistoryApiTest {

  private static TestServer server;
  private static FieldKit kit;
  private static ApiClient tech;
  private static long customerA;
  private static long customerB;
  private static long unit;
  private static long completed;
  private static long notCompleted;
  private static long cancelled;
  private static long ticketOfCompleted;
  private static Instant cancelledStart;

  /**
   * Customer A: a visit completed (90 min, a compressor at 1,800.00 with its serial and two filters
   * at 120.50, parking TWD 150 and USD 12.50) and then closed; a visit that could not be completed
   * (30 min) with a second visit still to come; an order cancelled. Customer B: one visit by
   * another technician (60 min, TWD 100), recorded by the dispatcher.
   */
  @BeforeAll
  static void start() {
    server = TestServer.start();
    kit = new FieldKit(server);
    long techId = kit.technician("tech1");
    tech = server.as("tech1");
    long compressor = kit.partInVan(techId, true, 1, "1800.00");
    long filter = kit.partInVan(techId, false, 2, "120.50");
    Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);

    customerA = kit.customer("服務史甲", "0911-000-111");
    unit = kit.equipment(customerA, "熱泵 HP-1");
    ticketOfCompleted = kit.ticket(customerA, "熱泵不熱");
    completed = kit.scheduled(ticketOfCompleted, unit, techId, start);
    ok(act(tech, completed, "ARRIVED"));
    ok(act(tech, completed, "LABOUR_ENTERED", "minutes", 90));
    ok(
        act(
            tech,
            completed,
            "PART_USED",
            "partId",
            compressor,
            "quantity",
            1,
            "serialNumbers",
            List.of("HP-S1")));
    ok(act(tech, completed, "PART_USED", "partId", filter, "quantity", 2));
    ok(act(tech, completed, "EXPENSE", "expenseType", "PARKING", "amount", 150, "currency", "TWD"));
    ok(
        act(
            tech,
            completed,
            "EXPENSE",
            "expenseType",
            "MEAL",
            "amount",
            new BigDecimal("12.50"),
            "currency",
            "USD"));
    ok(act(tech, completed, "COMPLETED", "resolution", "更換壓縮機"));
    status(completed, "CLOSED", null);

    long ticket2 = kit.ticket(customerA, "熱水器漏水");
    notCompleted = kit.scheduled(ticket2, null, techId, start.plus(1, ChronoUnit.DAYS));
    ok(act(tech, notCompleted, "ARRIVED"));
    ok(act(tech, notCompleted, "LABOUR_ENTERED", "minutes", 30));
    ok(act(tech, notCompleted, "CANNOT_COMPLETE", "reason", "缺零件"));
    kit.scheduled(ticket2, null, techId, Instant.now().plus(1, ChronoUnit.DAYS));

    cancelledStart = start.minus(1, ChronoUnit.DAYS);
    cancelled = kit.scheduled(kit.ticket(customerA, "安裝"), null, techId, cancelledStart);
    status(cancelled, "CANCELLED", "客戶取消");

    customerB = kit.customer("服務史乙", "0922-000-222");
    long colleague = kit.technician(kit.newTechnicianAccount());
    long other = kit.scheduled(kit.ticket(customerB, "冷氣"), null, colleague, start);
    ok(act(kit.admin, other, "ARRIVED"));
    ok(act(kit.admin, other, "LABOUR_ENTERED", "minutes", 60));
    ok(act(kit.admin, other, "EXPENSE", "expenseType", "TOLL", "amount", 100, "currency", "TWD"));
    ok(act(kit.admin, other, "COMPLETED", "resolution", "清洗"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pastVisitsComeNewestFirstWithWhatEachTookAndTheCustomersTotals() {
    JsonNode h = history(kit.agent, customerA, "");
    assertThat(orderIds(h)).containsExactly(notCompleted, completed, cancelled);
    assertThat(h.get("currency").asText()).isEqualTo("TWD");

    JsonNode failed = h.at("/items/0");
    assertThat(failed.get("outcome").asText()).isEqualTo("CANNOT_COMPLETE");
    assertThat(failed.get("reason").asText()).isEqualTo("缺零件");
    assertThat(failed.get("labourHours").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(failed.get("parts")).isEmpty();
    assertThat(failed.get("total").decimalValue()).isEqualByComparingTo("0");
    assertThat(failed.path("equipment").isObject()).isFalse();
    // Its ticket needs a second visit: no first-time fix.
    assertThat(failed.get("firstTimeFix").asBoolean()).isFalse();

    JsonNode done = h.at("/items/1");
    assertThat(done.get("status").asText()).isEqualTo("CLOSED");
    assertThat(done.get("outcome").asText()).isEqualTo("COMPLETED");
    assertThat(done.path("reason").asText(null)).isNull();
    assertThat(done.get("ticketId").asLong()).isEqualTo(ticketOfCompleted);
    assertThat(done.get("ticketTitle").asText()).isEqualTo("熱泵不熱");
    assertThat(done.get("technician").asText()).isEqualTo("tech1");
    assertThat(done.get("resolution").asText()).isEqualTo("更換壓縮機");
    assertThat(done.at("/equipment/id").asLong()).isEqualTo(unit);
    assertThat(done.at("/equipment/product").asText()).isEqualTo("熱泵 HP-1");
    assertThat(done.at("/equipment/serialNumber").asText()).startsWith("SN-");
    assertThat(done.get("labourMinutes").asInt()).isEqualTo(90);
    assertThat(done.get("labourHours").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(done.at("/parts/0/quantity").asInt()).isEqualTo(1);
    assertThat(done.at("/parts/0/serialNumbers/0").asText()).isEqualTo("HP-S1");
    assertThat(done.at("/parts/0/name").asText()).isEqualTo("壓縮機");
    assertThat(done.at("/parts/0/cost").decimalValue()).isEqualByComparingTo("1800.00");
    assertThat(done.at("/parts/1/quantity").asInt()).isEqualTo(2);
    assertThat(done.at("/parts/1/serialNumbers")).isEmpty();
    assertThat(done.at("/parts/1/unitCost").decimalValue()).isEqualByComparingTo("120.50");
    assertThat(done.at("/parts/1/cost").decimalValue()).isEqualByComparingTo("241.00");
    assertThat(done.get("partsCost").decimalValue()).isEqualByComparingTo("2041.00");
    assertThat(done.get("expenses").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(done.at("/otherExpenses/USD").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(done.get("total").decimalValue()).isEqualByComparingTo("2191.00");
    assertThat(done.get("firstTimeFix").asBoolean()).isTrue();

    JsonNode dropped = h.at("/items/2");
    assertThat(dropped.get("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(dropped.get("reason").asText()).isEqualTo("客戶取消");
    assertThat(Instant.parse(dropped.get("at").asText())).isEqualTo(cancelledStart);
    assertThat(dropped.get("total").decimalValue()).isEqualByComparingTo("0");

    // Customer B's visit is not in A's totals; the open second visit is in no history yet.
    JsonNode totals = h.get("totals");
    assertThat(totals.get("orders").asInt()).isEqualTo(3);
    assertThat(totals.get("visits").asInt()).isEqualTo(2);
    assertThat(totals.get("labourMinutes").asInt()).isEqualTo(120);
    assertThat(totals.get("labourHours").decimalValue()).isEqualByComparingTo("2");
    assertThat(totals.get("partsCost").decimalValue()).isEqualByComparingTo("2041.00");
    assertThat(totals.get("expenses").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(totals.at("/otherExpenses/USD").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(totals.get("total").decimalValue()).isEqualByComparingTo("2191.00");

    JsonNode b = history(kit.agent, customerB, "").get("totals");
    assertThat(b.get("visits").asInt()).isEqualTo(1);
    assertThat(b.get("labourHours").decimalValue()).isEqualByComparingTo("1");
    assertThat(b.get("total").decimalValue()).isEqualByComparingTo("100.00");
  }

  @Test
  void pagesHoldTheirShareAndTheTotalsOfAll() {
    JsonNode first = history(kit.agent, customerA, "?limit=2");
    assertThat(orderIds(first)).containsExactly(notCompleted, completed);
    assertThat(first.get("limit").asInt()).isEqualTo(2);
    JsonNode second = history(kit.agent, customerA, "?limit=2&offset=2");
    assertThat(orderIds(second)).containsExactly(cancelled);
    assertThat(second.get("offset").asInt()).isEqualTo(2);
    assertThat(second.at("/totals/orders").asInt()).isEqualTo(3);
    assertThat(second.at("/totals/total").decimalValue()).isEqualByComparingTo("2191.00");
    assertThat(orderIds(history(kit.agent, customerA, "?offset=3"))).isEmpty();

    ApiClient.Response tooMany =
        kit.agent.get("/api/v1/customers/" + customerA + "/service-history?limit=201");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.errorField()).isEqualTo("limit");
  }

  @Test
  void theEquipmentHistoryCarriesTheSameVisits() {
    JsonNode byCustomer = history(kit.agent, customerA, "").at("/items/1");
    JsonNode unitHistory = kit.agent.get("/api/v1/dispatch/equipment/" + unit + "/history").body();
    assertThat(unitHistory.at("/visits/items")).hasSize(1);
    assertThat(unitHistory.at("/visits/items/0")).isEqualTo(byCustomer);
    assertThat(unitHistory.at("/visits/totals/total").decimalValue())
        .isEqualByComparingTo("2191.00");
    assertThat(unitHistory.get("orders")).hasSize(1);
  }

  @Test
  void staffReadAnyCustomersHistoryATechnicianOnlyTheirCustomers() {
    assertThat(history(server.as("agent2"), customerB, "").at("/totals/visits").asInt())
        .isEqualTo(1);
    assertThat(history(server.as("supervisor1"), customerA, "").get("items")).hasSize(3);

    assertThat(orderIds(history(tech, customerA, ""))).hasSize(3);
    ApiClient.Response notTheirs = tech.get("/api/v1/customers/" + customerB + "/service-history");
    assertThat(notTheirs.status()).isEqualTo(404);
    assertThat(notTheirs.errorCode()).isEqualTo("customer_not_found");
    assertThat(notTheirs.raw().body()).doesNotContain("服務史乙").doesNotContain("清洗");

    ApiClient.Response unknown = kit.agent.get("/api/v1/customers/999999999/service-history");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("customer_not_found");
    assertThat(tech.get("/api/v1/customers/999999999/service-history").errorCode())
        .isEqualTo("customer_not_found");
    assertThat(
            server.anonymous().get("/api/v1/customers/" + customerA + "/service-history").status())
        .isEqualTo(401);
  }

  private static JsonNode history(ApiClient who, long customer, String query) {
    ApiClient.Response r = who.get("/api/v1/customers/" + customer + "/service-history" + query);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return r.body();
  }

  private static List<Long> orderIds(JsonNode history) {
    List<Long> ids = new ArrayList<>();
    history.get("items").forEach(v -> ids.add(v.get("orderId").asLong()));
    return ids;
  }

  private static void ok(ApiClient.Response r) {
    assertThat(r.status()).as(r.body().toString()).isBetween(200, 201);
  }

  private static void status(long order, String status, String reason) {
    Map<String, Object> body =
        reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason);
    ApiClient.Response r = kit.admin.post("/api/v1/dispatch/orders/" + order + "/status", body);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }
}
