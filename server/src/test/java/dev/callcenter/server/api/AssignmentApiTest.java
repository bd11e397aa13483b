package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AssignmentApiTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long idOf(String username) {
    return server.as(username).get("/api/v1/auth/me").body().at("/user/id").asLong();
  }

  @Test
  void ticketForATeamIsAssignedOnCreationToTheQualifiedMemberWithTheReasonRecorded() {
    ApiClient supervisor = server.as("supervisor1");
    assertThat(
            supervisor
                .post(
                    "/api/v1/teams",
                    Map.of("key", "printers", "name", "Printer support", "defaultCapacity", 5))
                .status())
        .isEqualTo(201);
    long agent1 = idOf("agent1");
    long agent2 = idOf("agent2");
    assertThat(
            supervisor
                .put("/api/v1/teams/printers/members/" + agent1, Map.of("skills", List.of("laser")))
                .status())
        .isEqualTo(200);
    assertThat(
            supervisor
                .put(
                    "/api/v1/teams/printers/members/" + agent2,
                    Map.of("skills", List.of("laser", "zh-TW")))
                .status())
        .isEqualTo(200);
    ApiClient agent = server.as("agent1");
    long customer =
        agent.post("/api/v1/customers", Map.of("name", "派工客戶")).body().get("id").asLong();

    ApiClient.Response created =
        agent.post(
            "/api/v1/tickets",
            Map.of(
                "type", "FAULT_REPORT",
                "title", "Laser printer streaks",
                "customerId", customer,
                "team", "printers",
                "requiredSkills", List.of("laser", "zh-TW")));

    assertThat(created.status()).isEqualTo(201);
    JsonNode ticket = created.body();
    assertThat(ticket.get("assigneeId").asLong()).isEqualTo(agent2);
    assertThat(ticket.get("assignmentReason").asText()).contains("agent2");

    assertThat(
            agent.put("/api/v1/users/" + agent2 + "/presence", Map.of("present", false)).status())
        .as("an agent cannot mark someone else absent")
        .isEqualTo(403);
    ApiClient.Response absent =
        server.as("agent2").put("/api/v1/users/" + agent2 + "/presence", Map.of("present", false));
    assertThat(absent.status()).isEqualTo(200);
    JsonNode after = agent.get("/api/v1/tickets/" + ticket.get("id").asLong()).body();
    assertThat(after.has("assigneeId"))
        .as("nobody else has both skills: back to the queue")
        .isFalse();
    JsonNode queue = agent.get("/api/v1/teams/printers/queue").body().get("items");
    assertThat(queue)
        .anySatisfy(q -> assertThat(q.get("id").asLong()).isEqualTo(ticket.get("id").asLong()));
  }
}
