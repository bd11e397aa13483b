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
}
