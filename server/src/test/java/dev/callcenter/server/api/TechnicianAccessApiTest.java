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
}
