package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalendarApiTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Instant firstResponseDue(ApiClient agent, long customer) {
    ApiClient.Response r =
        agent.post(
            "/api/v1/tickets",
            Map.of(
                "type", "QUESTION", "title", "When?", "customerId", customer, "priority", "HIGH"));
    assertThat(r.status()).isEqualTo(201);
    return Instant.parse(r.body().at("/sla/firstResponse/measurement/dueAt").asText());
  }

  @Test
  void aNewHolidayMovesTheDueTimeOfNewTicketsAtOnce() {
    ApiClient agent = server.as("agent1");
    long customer =
        agent.post("/api/v1/customers", Map.of("name", "假日客戶")).body().get("id").asLong();
    LocalDate today = LocalDate.now(TAIPEI);
    String seeded = agent.get("/api/v1/calendar/holidays").body().get("items").toString();
    LocalDate next = today.plusDays(1);
    while (next.getDayOfWeek() == DayOfWeek.SATURDAY
        || next.getDayOfWeek() == DayOfWeek.SUNDAY
        || seeded.contains(next.toString())) {
      next = next.plusDays(1);
    }
    Instant before = firstResponseDue(agent, customer);

    ApiClient supervisor = server.as("supervisor1");
    assertThat(
            supervisor
                .put("/api/v1/calendar/holidays/" + today, Map.of("name", "Typhoon day"))
                .status())
        .isEqualTo(200);
    assertThat(
            supervisor
                .put("/api/v1/calendar/holidays/" + next, Map.of("name", "Typhoon day 2"))
                .status())
        .isEqualTo(200);
    Instant after = firstResponseDue(agent, customer);

    assertThat(after).isAfter(before);
    LocalDate dueDay = after.atZone(TAIPEI).toLocalDate();
    assertThat(dueDay).isNotEqualTo(today).isNotEqualTo(next);
    assertThat(agent.get("/api/v1/calendar/holidays").body().get("items").toString())
        .contains("Typhoon day 2");
  }

  @Test
  void onlyManagersEditHolidaysAndBadDatesAre400() {
    assertThat(
            server
                .as("agent1")
                .put("/api/v1/calendar/holidays/2027-02-05", Map.of("name", "x"))
                .status())
        .isEqualTo(403);
    ApiClient.Response bad =
        server.as("admin1").put("/api/v1/calendar/holidays/05-02-2027", Map.of("name", "x"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorField()).isEqualTo("day");
    assertThat(server.as("admin1").delete("/api/v1/calendar/holidays/2031-01-01").status())
        .isEqualTo(404);
    assertThat(server.as("agent1").get("/api/v1/sla/policies").body().get("items").size())
        .isGreaterThan(5);
  }

  private static boolean absent(com.fasterxml.jackson.databind.JsonNode node, String field) {
    return node.path(field).isMissingNode() || node.path(field).isNull();
  }

  @Test
  void aChangedPolicyAppliesToNewTicketsAndOpenOnesKeepTheirPromise() {
    ApiClient agent = server.as("agent1");
    ApiClient admin = server.as("admin1");
    long customer =
        agent.post("/api/v1/customers", Map.of("name", "政策客戶")).body().get("id").asLong();
    var urgent =
        agent.post(
            "/api/v1/tickets",
            Map.of(
                "type",
                "QUESTION",
                "title",
                "Before",
                "customerId",
                customer,
                "priority",
                "URGENT"));
    long openBefore = urgent.body().get("id").asLong();
    var policy =
        java.util.stream.StreamSupport.stream(
                agent.get("/api/v1/sla/policies").body().get("items").spliterator(), false)
            .filter(
                p ->
                    absent(p, "type")
                        && "URGENT".equals(p.path("priority").asText())
                        && "STANDARD".equals(p.path("tier").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(policy.get("firstResponseMinutes").asInt()).isEqualTo(60);
    long id = policy.get("id").asLong();

    assertThat(
            agent
                .put(
                    "/api/v1/sla/policies/" + id,
                    Map.of("firstResponseMinutes", 30, "resolutionMinutes", 300))
                .status())
        .as("agents do not set SLAs")
        .isEqualTo(403);
    var inverted =
        admin.put(
            "/api/v1/sla/policies/" + id,
            Map.of("firstResponseMinutes", 400, "resolutionMinutes", 300));
    assertThat(inverted.status()).isEqualTo(400);
    assertThat(inverted.errorField()).isEqualTo("firstResponseMinutes");
    var changed =
        admin.put(
            "/api/v1/sla/policies/" + id,
            Map.of("firstResponseMinutes", 30, "resolutionMinutes", 300));
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(changed.body().get("firstResponseMinutes").asInt()).isEqualTo(30);

    var after =
        agent.post(
            "/api/v1/tickets",
            Map.of(
                "type",
                "QUESTION",
                "title",
                "After",
                "customerId",
                customer,
                "priority",
                "URGENT"));
    // Durations are seconds on the wire.
    assertThat(after.body().at("/slaTerms/firstResponse").asText()).isEqualTo("1800.0");
    assertThat(
            agent
                .get("/api/v1/tickets/" + openBefore)
                .body()
                .at("/slaTerms/firstResponse")
                .asText())
        .as("the open ticket keeps the targets it was opened with")
        .isEqualTo("3600.0");

    var duplicate =
        admin.post(
            "/api/v1/sla/policies",
            Map.of(
                "priority",
                "URGENT",
                "tier",
                "STANDARD",
                "firstResponseMinutes",
                10,
                "resolutionMinutes",
                60));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.errorCode()).isEqualTo("sla_policy_exists");
    var added =
        admin.post(
            "/api/v1/sla/policies",
            Map.of(
                "type",
                "FAULT_REPORT",
                "priority",
                "URGENT",
                "tier",
                "VIP",
                "firstResponseMinutes",
                15,
                "resolutionMinutes",
                120));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    assertThat(admin.delete("/api/v1/sla/policies/" + added.body().get("id").asLong()).status())
        .isEqualTo(204);
    long catchAll =
        java.util.stream.StreamSupport.stream(
                agent.get("/api/v1/sla/policies").body().get("items").spliterator(), false)
            .filter(p -> absent(p, "type") && absent(p, "priority") && absent(p, "tier"))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asLong();
    var refused = admin.delete("/api/v1/sla/policies/" + catchAll);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorCode()).isEqualTo("sla_catch_all_required");
    admin.put(
        "/api/v1/sla/policies/" + id, Map.of("firstResponseMinutes", 60, "resolutionMinutes", 360));
  }

  @Test
  void aYearsHolidaysAreReplacedAllOrNothingAnd2027IsSeeded() {
    ApiClient admin = server.as("admin1");
    String before = admin.get("/api/v1/calendar/holidays").body().get("items").toString();
    assertThat(before).contains("2027-01-01", "2027-10-11", "2026-10-09");

    var wrongYear =
        admin.put(
            "/api/v1/calendar/holidays/years/2030",
            Map.of(
                "items",
                java.util.List.of(
                    Map.of("day", "2030-01-01", "name", "元旦"),
                    Map.of("day", "2031-01-01", "name", "元旦"))));
    assertThat(wrongYear.status()).isEqualTo(400);
    assertThat(wrongYear.errorField()).isEqualTo("items[1].day");
    assertThat(admin.get("/api/v1/calendar/holidays").body().get("items").toString())
        .as("nothing of a refused import is kept")
        .doesNotContain("2030-01-01");

    var replaced =
        admin.put(
            "/api/v1/calendar/holidays/years/2027",
            Map.of(
                "items",
                java.util.List.of(
                    Map.of("day", "2027-01-01", "name", "開國紀念日"),
                    Map.of("day", "2027-02-08", "name", "春節"))));
    assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
    String after = admin.get("/api/v1/calendar/holidays").body().get("items").toString();
    assertThat(after).contains("開國紀念日", "2027-02-08", "2026-10-09").doesNotContain("2027-10-11");
    assertThat(
            server
                .as("agent1")
                .put("/api/v1/calendar/holidays/years/2027", Map.of("items", java.util.List.of()))
                .status())
        .isEqualTo(403);
  }
}
