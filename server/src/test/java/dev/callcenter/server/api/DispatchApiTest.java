package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Field service over real HTTP: orders from tickets, a day planned by Timefold and accepted, a
 * technician reading only their own orders, and the last unit of a part going to one order.
 */
class DispatchApiTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static TestServer server;
  private static ApiClient admin;
  private static ApiClient supervisor;
  private static ApiClient agent;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    admin = server.as("admin1");
    supervisor = server.as("supervisor1");
    agent = server.as("agent1");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void agentCreatesAnOrderFromATicketAndTheTicketShowsIt() {
    long customer = customer();
    long ticket = ticket(customer);

    ApiClient.Response created =
        agent.post("/api/v1/dispatch/orders", order(ticket, "2032-06-07T01:00:00Z", List.of()));

    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    JsonNode order = created.body();
    assertThat(order.get("status").asText()).isEqualTo("UNSCHEDULED");
    assertThat(order.get("customerId").asLong()).isEqualTo(customer);
    assertThat(order.get("priority").asInt()).isBetween(1, 100);
    long id = order.get("id").asLong();
    assertThat(ids(agent.get("/api/v1/tickets/" + ticket + "/dispatch-orders"))).contains(id);
    JsonNode history = agent.get("/api/v1/dispatch/orders/" + id + "/history").body();
    assertThat(history.at("/items/0/action").asText()).isEqualTo("created");

    Map<String, Object> tooShort = new HashMap<>(order(ticket, "2032-06-07T01:00:00Z", List.of()));
    tooShort.put("durationMinutes", 3);
    ApiClient.Response bad = agent.post("/api/v1/dispatch/orders", tooShort);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorField()).isEqualTo("durationMinutes");
    assertThat(ids(agent.get("/api/v1/tickets/" + ticket + "/dispatch-orders"))).containsOnly(id);
  }

  @Test
  void supervisorPlansADayAcceptsItAndEveryOrderCarriesItsReasons() {
    // Monday 2032-05-03 in Taipei; two technicians with hvac, nobody with a crane.
    long north = technician(25.08, 121.55);
    long south = technician(24.99, 121.50);
    List<Long> planned = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      planned.add(
          created(
              supervisor.post(
                  "/api/v1/dispatch/orders",
                  order(ticket(customer()), "2032-05-03T0" + (1 + i) + ":00:00Z", List.of()))));
    }
    Map<String, Object> crane =
        new HashMap<>(order(ticket(customer()), "2032-05-03T02:00:00Z", List.of()));
    crane.put("requiredSkills", List.of("crane"));
    long impossible = created(supervisor.post("/api/v1/dispatch/orders", crane));

    ApiClient.Response started =
        supervisor.post("/api/v1/dispatch/plans", Map.of("from", "2032-05-03", "budgetSeconds", 2));
    assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
    long plan = started.body().get("id").asLong();
    JsonNode done = supervisor.get("/api/v1/dispatch/plans/" + plan + "?waitSeconds=30").body();

    assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("DONE");
    JsonNode result = done.get("result");
    assertThat(result.at("/score/feasible").asBoolean()).isTrue();
    List<Long> assigned = new ArrayList<>();
    result
        .get("assignments")
        .forEach(
            a -> {
              assigned.add(a.get("orderId").asLong());
              assertThat(a.get("technicianId").asLong()).isIn(north, south);
              assertThat(a.get("why").asText()).contains("min drive");
            });
    assertThat(assigned).containsAll(planned).doesNotContain(impossible);
    assertThat(result.at("/unassigned/" + impossible).asText()).isNotBlank();

    ApiClient.Response accepted =
        supervisor.post("/api/v1/dispatch/plans/" + plan + "/accept", null);
    assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
    assertThat(accepted.body().get("state").asText()).isEqualTo("ACCEPTED");
    for (long id : planned) {
      JsonNode o = supervisor.get("/api/v1/dispatch/orders/" + id).body();
      assertThat(o.get("status").asText()).isEqualTo("SCHEDULED");
      assertThat(o.get("technicianId").asLong()).isIn(north, south);
      assertThat(o.get("explanation").asText()).contains("min drive");
    }
    assertThat(supervisor.post("/api/v1/dispatch/plans/" + plan + "/accept", null).errorCode())
        .isEqualTo("plan_not_ready");
    assertThat(agent.post("/api/v1/dispatch/plans", Map.of("from", "2032-05-03")).status())
        .isEqualTo(403);
  }

  @Test
  void technicianReadsAndReportsOnlyTheirOwnOrders() {
    long me = technicianUser("tech1", 25.03, 121.52);
    long colleague = technician(25.05, 121.53);
    long mine = scheduled(me, "2032-05-10T01:00:00Z", List.of());
    long theirs = scheduled(colleague, "2032-05-10T01:00:00Z", List.of());
    ApiClient tech = server.as("tech1");

    assertThat(ids(tech.get("/api/v1/dispatch/orders?day=2032-05-10")))
        .contains(mine)
        .doesNotContain(theirs);
    assertThat(tech.get("/api/v1/dispatch/orders/" + mine).status()).isEqualTo(200);
    assertThat(tech.get("/api/v1/dispatch/orders/" + theirs).status()).isEqualTo(404);
    assertThat(tech.get("/api/v1/dispatch/orders/" + theirs + "/history").status()).isEqualTo(404);
    assertThat(tech.get("/api/v1/dispatch/orders?technicianId=" + colleague).errorCode())
        .isEqualTo("dispatch_forbidden");
    ApiClient.Response onTheirs =
        tech.post("/api/v1/dispatch/orders/" + theirs + "/status", Map.of("status", "EN_ROUTE"));
    assertThat(onTheirs.status()).isEqualTo(404);
    assertThat(admin.get("/api/v1/dispatch/orders/" + theirs).body().get("status").asText())
        .isEqualTo("SCHEDULED");

    ApiClient.Response enRoute =
        tech.post("/api/v1/dispatch/orders/" + mine + "/status", Map.of("status", "EN_ROUTE"));
    assertThat(enRoute.status()).isEqualTo(200);
    assertThat(enRoute.body().get("status").asText()).isEqualTo("EN_ROUTE");
    ApiClient.Response cancel =
        tech.post(
            "/api/v1/dispatch/orders/" + mine + "/status",
            Map.of("status", "CANCELLED", "reason", "not my call"));
    assertThat(cancel.status()).isEqualTo(403);
    assertThat(cancel.errorCode()).isEqualTo("dispatch_forbidden");
    assertThat(
            tech.put("/api/v1/dispatch/orders/" + mine + "/pin", Map.of("pinned", true)).status())
        .isEqualTo(403);
  }

  @Test
  void theLastUnitInAVanGoesToOneOrderAndTheOtherGets409() {
    long tech = technician(25.02, 121.54);
    long van =
        admin.get("/api/v1/dispatch/technicians/" + tech).body().get("vanLocationId").asLong();
    long part =
        created(
            admin.post(
                "/api/v1/dispatch/parts",
                Map.of(
                    "number", "FAN-" + SEQUENCE.incrementAndGet(), "name", "Fan", "unitCost", 30)));
    long warehouse =
        created(admin.post("/api/v1/dispatch/stock/locations", Map.of("name", "Neihu")));
    assertThat(
            admin
                .post(
                    "/api/v1/dispatch/stock/receipts",
                    Map.of("locationId", warehouse, "partId", part, "quantity", 1))
                .status())
        .isEqualTo(201);
    assertThat(
            admin
                .post(
                    "/api/v1/dispatch/stock/transfers",
                    Map.of(
                        "fromLocationId",
                        warehouse,
                        "toLocationId",
                        van,
                        "partId",
                        part,
                        "quantity",
                        1))
                .status())
        .isEqualTo(201);
    List<Map<String, Object>> onePart = List.of(Map.of("partId", part, "quantity", 1));

    long first = scheduled(tech, "2032-05-17T01:00:00Z", onePart);
    long second =
        created(
            admin.post(
                "/api/v1/dispatch/orders",
                order(ticket(customer()), "2032-05-17T03:00:00Z", onePart)));
    ApiClient.Response refused =
        admin.post(
            "/api/v1/dispatch/orders/" + second + "/schedule",
            Map.of("technicianId", tech, "start", "2032-05-17T03:00:00Z"));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("stock_insufficient");
    assertThat(refused.body().at("/error/details/available").asInt()).isZero();
    assertThat(admin.get("/api/v1/dispatch/orders/" + second).body().get("status").asText())
        .isEqualTo("UNSCHEDULED");
    JsonNode level =
        admin.get("/api/v1/dispatch/stock/levels?locationId=" + van + "&partId=" + part).body();
    assertThat(level.at("/items/0/onHand").asInt()).isEqualTo(1);
    assertThat(level.at("/items/0/reserved").asInt()).isEqualTo(1);
    assertThat(ids(admin.get("/api/v1/dispatch/stock/reservations?locationId=" + van)).size())
        .isEqualTo(1);
    assertThat(admin.get("/api/v1/dispatch/orders/" + first).body().get("status").asText())
        .isEqualTo("SCHEDULED");
    ApiClient.Response emptyWarehouse =
        admin.post(
            "/api/v1/dispatch/stock/transfers",
            Map.of(
                "fromLocationId", warehouse, "toLocationId", van, "partId", part, "quantity", 1));
    assertThat(emptyWarehouse.errorCode()).isEqualTo("stock_insufficient");
  }

  // ------------------------------------------------------------------ records over the API

  private static long created(ApiClient.Response r) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private static List<Long> ids(ApiClient.Response list) {
    assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    list.body().get("items").forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }

  private static long customer() {
    return created(
        admin.post("/api/v1/customers", Map.of("name", "派工客戶 " + SEQUENCE.incrementAndGet())));
  }

  private static long ticket(long customer) {
    return created(
        agent.post(
            "/api/v1/tickets",
            Map.of("type", "FAULT_REPORT", "title", "冷氣不冷", "customerId", customer)));
  }

  private static Map<String, Object> order(long ticket, String windowStart, List<?> parts) {
    Instant start = Instant.parse(windowStart);
    double spread = (SEQUENCE.incrementAndGet() % 7) / 100.0;
    return Map.of(
        "ticketId",
        ticket,
        "siteAddress",
        "台北市大安區復興南路一段 " + SEQUENCE.get() + " 號",
        "lat",
        25.0 + spread,
        "lon",
        121.5 + spread,
        "requiredSkills",
        List.of("hvac"),
        "durationMinutes",
        45,
        "windowStart",
        start.toString(),
        "windowEnd",
        start.plus(3, ChronoUnit.HOURS).toString(),
        "parts",
        parts);
  }

  private static long scheduled(long technician, String start, List<?> parts) {
    long id =
        created(admin.post("/api/v1/dispatch/orders", order(ticket(customer()), start, parts)));
    ApiClient.Response r =
        admin.post(
            "/api/v1/dispatch/orders/" + id + "/schedule",
            Map.of("technicianId", technician, "start", start));
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    return id;
  }

  /** A new technician account with hvac skills working weekdays 08:00–18:00 (Taipei). */
  private static long technician(double lat, double lon) {
    String username = "tech-" + SEQUENCE.incrementAndGet();
    created(
        admin.post(
            "/api/v1/admin/users",
            Map.of(
                "username",
                username,
                "roles",
                List.of("TECHNICIAN"),
                "temporaryPassword",
                "dispatch-temporary-42")));
    return technicianUser(username, lat, lon);
  }

  private static long technicianUser(String username, double lat, double lon) {
    long id = 0;
    for (JsonNode u : admin.get("/api/v1/admin/users").body().get("items")) {
      if (u.get("username").asText().equals(username)) {
        id = u.get("id").asLong();
      }
    }
    assertThat(id).as("user " + username).isPositive();
    List<Map<String, Object>> hours = new ArrayList<>();
    for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
      hours.add(Map.of("weekday", day, "starts", "08:00", "ends", "18:00"));
    }
    ApiClient.Response profile =
        admin.put(
            "/api/v1/dispatch/technicians/" + id,
            Map.of("skills", List.of("hvac"), "homeLat", lat, "homeLon", lon, "hours", hours));
    assertThat(profile.status()).as(profile.body().toString()).isEqualTo(200);
    return id;
  }
}
