package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TicketApiTest {

  private static TestServer server;
  private static ApiClient agent;
  private static long customer;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    agent = server.as("agent1");
    customer = agent.post("/api/v1/customers", Map.of("name", "工單客戶")).body().get("id").asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode create(Map<String, Object> body) {
    ApiClient.Response r = agent.post("/api/v1/tickets", body);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    return r.body();
  }

  @Test
  void createdTicketCarriesRunningSlaClocksAndAllowedTransitions() {
    JsonNode t =
        create(
            Map.of(
                "type",
                "FAULT_REPORT",
                "title",
                "印表機卡紙",
                "customerId",
                customer,
                "priority",
                "HIGH"));

    assertThat(t.get("status").asText()).isEqualTo("NEW");
    assertThat(t.at("/sla/resolution/measurement/state").asText()).isIn("RUNNING", "PAUSED");
    assertThat(t.at("/sla/resolution/measurement/dueAt").asText()).isNotEmpty();
    List<String> allowed = new ArrayList<>();
    t.get("allowedTransitions").forEach(n -> allowed.add(n.asText()));
    assertThat(allowed).containsExactlyInAnyOrder("OPEN", "RESOLVED");
  }

  @Test
  void anEmptyAssignmentBodyIsRefusedAndLeavesTheAssignee() {
    long me = server.services().users().findCredentials("agent1").orElseThrow().user().id();
    long id =
        create(Map.of("type", "QUESTION", "title", "Whose is it?", "customerId", customer))
            .get("id")
            .asLong();
    assertThat(agent.put("/api/v1/tickets/" + id + "/assignee", Map.of("assigneeId", me)).status())
        .isEqualTo(200);

    ApiClient.Response empty = agent.put("/api/v1/tickets/" + id + "/assignee", Map.of());

    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorField()).isEqualTo("assigneeId");
    assertThat(agent.get("/api/v1/tickets/" + id).body().get("assigneeId").asLong()).isEqualTo(me);
    java.util.Map<String, Object> unassign = new java.util.HashMap<>();
    unassign.put("assigneeId", null);
    assertThat(agent.put("/api/v1/tickets/" + id + "/assignee", unassign).status()).isEqualTo(200);
    assertThat(agent.get("/api/v1/tickets/" + id).body().has("assigneeId")).isFalse();
  }

  @Test
  void invalidTransitionIs409NamingTheAllowedOnes() {
    long id =
        create(Map.of("type", "QUESTION", "title", "How to reset?", "customerId", customer))
            .get("id")
            .asLong();

    ApiClient.Response r = agent.post("/api/v1/tickets/" + id + "/status", Map.of("to", "CLOSED"));

    assertThat(r.status()).isEqualTo(409);
    assertThat(r.errorCode()).isEqualTo("invalid_transition");
    assertThat(r.body().at("/error/message").asText()).contains("OPEN");
    assertThat(agent.get("/api/v1/tickets/" + id).body().get("status").asText()).isEqualTo("NEW");
  }

  @Test
  void complaintNeedsThePromisedDeadline() {
    ApiClient.Response missing =
        agent.post(
            "/api/v1/tickets",
            Map.of("type", "COMPLAINT", "title", "Rude technician", "customerId", customer));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorField()).isEqualTo("promisedBy");

    String promise =
        Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    JsonNode ok =
        create(
            Map.of(
                "type",
                "COMPLAINT",
                "title",
                "Rude technician",
                "customerId",
                customer,
                "promisedBy",
                promise));
    assertThat(Instant.parse(ok.get("promisedBy").asText())).isEqualTo(Instant.parse(promise));
  }

  @Test
  void everyChangeIsInTheAuditTrailAndOnTheTimeline() {
    long id =
        create(Map.of("type", "SERVICE_REQUEST", "title", "Install router", "customerId", customer))
            .get("id")
            .asLong();
    assertThat(agent.post("/api/v1/tickets/" + id + "/status", Map.of("to", "OPEN")).status())
        .isEqualTo(200);
    assertThat(
            agent
                .post(
                    "/api/v1/tickets/" + id + "/comments",
                    Map.of("visibility", "PUBLIC", "body", "We will come Monday"))
                .status())
        .isEqualTo(201);
    assertThat(
            agent
                .post(
                    "/api/v1/tickets/" + id + "/status",
                    Map.of("to", "RESOLVED", "resolution", "Installed"))
                .status())
        .isEqualTo(200);

    JsonNode audit = agent.get("/api/v1/tickets/" + id + "/audit").body().get("items");
    List<String> changes = new ArrayList<>();
    audit.forEach(
        a ->
            changes.add(
                a.get("field").asText()
                    + ":"
                    + a.path("oldValue").asText("")
                    + "->"
                    + a.path("newValue").asText("")));
    assertThat(changes).contains("STATUS:NEW->OPEN", "STATUS:OPEN->RESOLVED");
    assertThat(audit).allSatisfy(a -> assertThat(a.has("at")).isTrue());

    JsonNode timeline =
        agent.get("/api/v1/customers/" + customer + "/timeline").body().get("items");
    List<String> kinds = new ArrayList<>();
    timeline.forEach(e -> kinds.add(e.get("kind").asText()));
    assertThat(kinds).contains("TICKET_CREATED", "TICKET_CHANGE", "COMMENT");
  }

  @Test
  void technicianCannotCreateTicketsAndUnknownCustomerIs400() {
    assertThat(
            server
                .as("tech1")
                .post(
                    "/api/v1/tickets",
                    Map.of("type", "QUESTION", "title", "x", "customerId", customer))
                .status())
        .isEqualTo(403);
    ApiClient.Response r =
        agent.post(
            "/api/v1/tickets", Map.of("type", "QUESTION", "title", "x", "customerId", 999_999));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorField()).isEqualTo("customerId");
  }

  @Test
  void listFiltersByStatusAndRejectsBadFilters() {
    create(Map.of("type", "QUESTION", "title", "Filter me", "customerId", customer));
    JsonNode items =
        agent.get("/api/v1/tickets?status=NEW&customerId=" + customer).body().get("items");
    assertThat(items)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("NEW"));

    ApiClient.Response bad = agent.get("/api/v1/tickets?status=DONE");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorField()).isEqualTo("status");
  }
}
