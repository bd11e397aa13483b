package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Technicians see only the customers, tickets and equipment of the dispatch orders assigned to
 * them, through those orders ({@link DispatchApiTest}); the generic customer, ticket and contact
 * routes stay closed to them. They keep their own session and the knowledge base's fault
 * resolutions.
 */
class TechnicianAccessApiTest {

  private static final String NAME = "技師不可見客戶";
  private static final String PHONE = "0977-123-456";

  private static TestServer server;
  private static long customer;
  private static long ticket;
  private static long interaction;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    ApiClient agent = server.as("agent1");
    customer =
        agent
            .post(
                "/api/v1/customers",
                Map.of("name", NAME, "phones", List.of(Map.of("number", PHONE))))
            .body()
            .get("id")
            .asLong();
    ticket =
        agent
            .post(
                "/api/v1/tickets",
                Map.of("type", "FAULT_REPORT", "title", "Router dead", "customerId", customer))
            .body()
            .get("id")
            .asLong();
    agent.post(
        "/api/v1/tickets/" + ticket + "/comments",
        Map.of("visibility", "INTERNAL", "body", "customer is difficult"));
    interaction =
        agent
            .post(
                "/api/v1/interactions",
                Map.of("customerId", customer, "channel", "NOTE", "summary", "private note"))
            .body()
            .get("id")
            .asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void technicianReadsNoCustomerTicketOrContact() {
    ApiClient tech = server.as("tech1");
    List<String> reads =
        List.of(
            "/api/v1/customers",
            "/api/v1/customers/lookup?phone=0977123456",
            "/api/v1/customers/" + customer,
            "/api/v1/customers/" + customer + "/interactions",
            "/api/v1/customers/" + customer + "/timeline",
            "/api/v1/customers/" + customer + "/tickets",
            "/api/v1/tickets",
            "/api/v1/tickets/" + ticket,
            "/api/v1/tickets/" + ticket + "/comments",
            "/api/v1/tickets/" + ticket + "/sla",
            "/api/v1/interactions/" + interaction);
    // The agent sees every one of them: the refusals are about the role, not the records.
    ApiClient agent = server.as("agent2");
    for (String path : reads) {
      assertThat(agent.get(path).status()).as("agent GET %s", path).isEqualTo(200);
      ApiClient.Response r = tech.get(path);
      assertThat(r.status()).as("technician GET %s", path).isEqualTo(403);
      assertThat(r.errorCode()).as(path).isEqualTo("forbidden");
      assertThat(r.raw().body()).as(path).doesNotContain(NAME).doesNotContain("Router dead");
    }
  }

  @Test
  void technicianKeepsTheirSessionAndTheKnowledgeBase() {
    ApiClient tech = server.as("tech1");

    ApiClient.Response me = tech.get("/api/v1/auth/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().at("/user/roles/0").asText()).isEqualTo("TECHNICIAN");
    assertThat(tech.get("/api/v1/kb/search?q=router").status()).isEqualTo(200);
    assertThat(tech.get("/api/v1/kb/suggest?q=rou").status()).isEqualTo(200);
    assertThat(tech.post("/api/v1/auth/logout", null).status()).isEqualTo(204);
    assertThat(tech.get("/api/v1/auth/me").status()).isEqualTo(401);
  }

  @Test
  void technicianReadsTheCustomerTicketAndEquipmentOfTheirOwnOrderOnlyThroughItsSheet() {
    ApiClient admin = server.as("admin1");
    long techId = userId(admin, "tech1");
    List<Map<String, Object>> hours =
        List.of(Map.of("weekday", "MONDAY", "starts", "08:00", "ends", "17:00"));
    assertThat(
            admin
                .put(
                    "/api/v1/dispatch/technicians/" + techId,
                    Map.of("skills", List.of(), "homeLat", 25.0, "homeLon", 121.5, "hours", hours))
                .status())
        .isEqualTo(200);
    long unit =
        admin
            .post(
                "/api/v1/dispatch/equipment", Map.of("customerId", customer, "product", "Router X"))
            .body()
            .get("id")
            .asLong();
    long order =
        admin
            .post(
                "/api/v1/dispatch/orders",
                Map.of(
                    "ticketId",
                    ticket,
                    "equipmentId",
                    unit,
                    "siteAddress",
                    "台北市中山區 1 號",
                    "lat",
                    25.05,
                    "lon",
                    121.52,
                    "durationMinutes",
                    30,
                    "windowStart",
                    "2031-03-03T01:00:00Z",
                    "windowEnd",
                    "2031-03-03T04:00:00Z"))
            .body()
            .get("id")
            .asLong();
    ApiClient tech = server.as("tech1");
    assertThat(tech.get("/api/v1/dispatch/orders/" + order + "/sheet").status()).isEqualTo(404);

    assertThat(
            admin
                .post(
                    "/api/v1/dispatch/orders/" + order + "/schedule",
                    Map.of("technicianId", techId, "start", "2031-03-03T01:00:00Z"))
                .status())
        .isEqualTo(200);
    ApiClient.Response sheet = tech.get("/api/v1/dispatch/orders/" + order + "/sheet");
    assertThat(sheet.status()).isEqualTo(200);
    assertThat(sheet.body().at("/customer/name").asText()).isEqualTo(NAME);
    assertThat(sheet.body().at("/customer/phones/0").asText()).isEqualTo(PHONE);
    assertThat(sheet.body().at("/ticket/title").asText()).isEqualTo("Router dead");
    assertThat(sheet.body().at("/equipment/product").asText()).isEqualTo("Router X");
    // The sheet is the way in: the customer, ticket and equipment routes stay closed.
    assertThat(tech.get("/api/v1/customers/" + customer).status()).isEqualTo(403);
    assertThat(tech.get("/api/v1/tickets/" + ticket).status()).isEqualTo(403);
    assertThat(tech.get("/api/v1/dispatch/equipment/" + unit).status()).isEqualTo(403);
    assertThat(sheet.raw().body()).doesNotContain("customer is difficult");
  }

  private static long userId(ApiClient admin, String username) {
    for (var u : admin.get("/api/v1/admin/users").body().get("items")) {
      if (u.get("username").asText().equals(username)) {
        return u.get("id").asLong();
      }
    }
    throw new AssertionError(username);
  }
}
