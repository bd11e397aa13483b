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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agents reach only their own follow-ups and those shared with one of their teams; supervisors and
 * admins reach all. Someone else's follow-up by id answers 404, as if it did not exist.
 */
class FollowUpOwnershipApiTest {

  private static TestServer server;
  private static ApiClient agent1;
  private static ApiClient agent2;
  private static ApiClient supervisor;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    agent1 = server.as("agent1");
    agent2 = server.as("agent2");
    supervisor = server.as("supervisor1");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static long idOf(ApiClient client) {
    return client.get("/api/v1/auth/me").body().at("/user/id").asLong();
  }

  private static long customer(String name) {
    return agent1.post("/api/v1/customers", Map.of("name", name)).body().get("id").asLong();
  }

  private static long followUp(ApiClient creator, String title, long customer, String team) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("dueAt", Instant.now().minus(1, ChronoUnit.HOURS).toString());
    body.put("ownerId", idOf(creator));
    body.put("customerId", customer);
    if (team != null) {
      body.put("team", team);
    }
    ApiClient.Response created = creator.post("/api/v1/follow-ups", body);
    assertThat(created.status()).isEqualTo(201);
    return created.body().get("id").asLong();
  }

  private static List<Long> ids(ApiClient.Response list) {
    assertThat(list.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    list.body().get("items").forEach(f -> ids.add(f.get("id").asLong()));
    return ids;
  }

  private static void assertHidden(ApiClient.Response r) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("follow_up_not_found");
  }

  @Test
  void anotherAgentCannotReadRescheduleCancelOrCompleteMyFollowUp() {
    long customer = customer("Owner test customer");
    long id = followUp(agent1, "Call back about the invoice", customer, null);
    JsonNode before = agent1.get("/api/v1/follow-ups/" + id).body();
    String later = Instant.now().plus(2, ChronoUnit.DAYS).toString();

    assertHidden(agent2.get("/api/v1/follow-ups/" + id));
    assertHidden(agent2.put("/api/v1/follow-ups/" + id + "/due", Map.of("dueAt", later)));
    assertHidden(agent2.post("/api/v1/follow-ups/" + id + "/cancel", Map.of("note", "mine now")));
    assertHidden(agent2.post("/api/v1/follow-ups/" + id + "/complete", Map.of("note", "done")));

    ApiClient.Response after = agent1.get("/api/v1/follow-ups/" + id);
    assertThat(after.status()).isEqualTo(200);
    assertThat(after.body()).isEqualTo(before);
    assertThat(agent1.get("/api/v1/customers/" + customer + "/interactions").body().get("items"))
        .isEmpty();
    // A supervisor covers for the owner.
    ApiClient.Response moved =
        supervisor.put("/api/v1/follow-ups/" + id + "/due", Map.of("dueAt", later));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(server.as("admin1").get("/api/v1/follow-ups/" + id).status()).isEqualTo(200);
  }

  @Test
  void customerFollowUpListShowsOthersFollowUpsOnlyToSupervisorsAndAdmins() {
    long customer = customer("Shared customer");
    long first = followUp(agent1, "agent1's private note", customer, null);
    long second = followUp(agent2, "agent2's private note", customer, null);
    String list = "/api/v1/customers/" + customer + "/follow-ups";

    assertThat(ids(agent1.get(list))).containsExactly(first);
    assertThat(ids(agent2.get(list))).containsExactly(second);
    assertThat(ids(supervisor.get(list))).containsExactlyInAnyOrder(first, second);
    assertThat(ids(server.as("admin1").get(list))).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void membersOfATeamShareItsFollowUpsAndOnlyMembersListItsOverdueOnes() {
    String team = "perm-share";
    assertThat(
            supervisor
                .post(
                    "/api/v1/teams",
                    Map.of("key", team, "name", "Sharing team", "defaultCapacity", 5))
                .status())
        .isEqualTo(201);
    assertThat(
            supervisor.put("/api/v1/teams/" + team + "/members/" + idOf(agent1), Map.of()).status())
        .isEqualTo(200);
    long customer = customer("Team customer");
    long shared = followUp(agent1, "Callback for the team", customer, team);
    long own = followUp(agent1, "agent1 alone", customer, null);
    String overdue = "/api/v1/follow-ups/overdue?team=" + team;

    ApiClient.Response outsider = agent2.get(overdue);
    assertThat(outsider.status()).isEqualTo(403);
    assertThat(outsider.errorCode()).isEqualTo("forbidden");
    assertHidden(agent2.get("/api/v1/follow-ups/" + shared));
    assertThat(ids(agent1.get(overdue))).containsExactly(shared);
    assertThat(ids(supervisor.get(overdue))).containsExactly(shared);

    assertThat(
            supervisor.put("/api/v1/teams/" + team + "/members/" + idOf(agent2), Map.of()).status())
        .isEqualTo(200);

    assertThat(ids(agent2.get(overdue))).containsExactly(shared);
    assertThat(ids(agent2.get("/api/v1/customers/" + customer + "/follow-ups")))
        .containsExactly(shared);
    assertHidden(agent2.get("/api/v1/follow-ups/" + own));
    ApiClient.Response covered =
        agent2.post("/api/v1/follow-ups/" + shared + "/complete", Map.of("note", "covered"));
    assertThat(covered.status()).isEqualTo(200);
    assertThat(covered.body().get("completedBy").asLong()).isEqualTo(idOf(agent2));
  }
}
