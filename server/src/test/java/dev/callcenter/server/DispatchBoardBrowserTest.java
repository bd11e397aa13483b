package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.helpdesk.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dispatcher's board in real headless Chromium against the whole server: a day optimised by the
 * planning job and accepted from the page, a visit moved to another technician and pinned with the
 * keyboard, and a second dispatcher's board (in the other language) following both live.
 */
class DispatchBoardBrowserTest {

  private static final String DAY = "2032-05-03"; // a Monday; Taipei is UTC+8
  private static TestServer server;
  private static ApiClient admin;
  private static long north;
  private static long south;
  private static final List<Long> orders = new ArrayList<>();
  private static long crane;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    server = TestServer.start();
    var s = server.services();
    s.users()
        .upsert(
            "dispatcher-en",
            "Dispatcher EN",
            s.passwords().hash(TestServer.PASSWORD),
            Set.of(Role.SUPERVISOR),
            "en");
    admin = server.as("admin1");
    north = technician("tech-north", "North 北區", 25.08, 121.55);
    south = technician("tech-south", "South 南區", 24.99, 121.50);
    for (int i = 0; i < 4; i++) {
      orders.add(order("客戶 " + i, List.of("hvac"), 25.0 + i / 50.0, 121.5 + i / 60.0, 1 + i));
    }
    crane = order("Crane <b>customer</b>", List.of("crane"), 25.03, 121.52, 2);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aDispatcherOptimisesTheDayMovesAndPinsAVisitAndAColleagueSeesItLive() {
    try (Browser en = Browser.open(server);
        Browser zh = Browser.open(server, 1400, 900, "zh-TW")) {
      en.logIn("/dispatch.html?day=" + DAY, "dispatcher-en");
      zh.logIn("/dispatch.html?day=" + DAY, "supervisor1");
      for (Browser b : List.of(en, zh)) {
        b.wait.until(d -> d.findElements(By.cssSelector("#unassigned-table tbody tr")).size() == 5);
      }
      assertThat(row(en, crane).getText())
          .contains("Crane <b>customer</b>")
          .contains("No working technician has the skills");
      assertThat(row(en, orders.getFirst()).getText()).contains("Not planned yet");
      en.assertAccessible("the board before planning");

      // Optimise this day with the planning job, watch it finish, accept the plan.
      new Select(en.find("plan-budget")).selectByValue("5");
      en.click("optimise");
      new WebDriverWait(en.driver, Duration.ofSeconds(60))
          .until(d -> !d.findElements(By.id("plan-accept")).isEmpty());
      assertThat(en.find("plan-feasible").getText()).isEqualTo("yes");
      assertThat(en.find("plan-unassigned").getText()).isEqualTo("1");
      en.click("plan-accept");
      for (Browser b : List.of(en, zh)) {
        b.wait.until(d -> d.findElements(By.cssSelector("#unassigned-table tbody tr")).size() == 1);
        b.wait.until(d -> d.findElements(By.cssSelector("li.visit")).size() == 4);
      }
      en.shot("dispatch-board-solved-en");
      zh.shot("dispatch-board-solved-zh");
      assertThat(zh.bodyText()).contains("沒有值班的技術人員具備所需技能").contains("車程");
      assertThat(en.bodyText()).contains("min drive");
      en.assertAccessible("the solved day (en)");
      zh.assertAccessible("the solved day (zh-TW)");
      en.assertFullyTranslated();
      zh.assertFullyTranslated();

      // Pick a visit of the north technician and move it to the south one.
      long moved = firstVisitOf(en, north, south);
      long from = technicianOf(moved);
      long to = from == north ? south : north;
      en.click("move-" + moved);
      WebElement chooser = en.find("move-technician");
      assertThat(en.driver.switchTo().activeElement()).isEqualTo(chooser);
      new Select(chooser).selectByValue(String.valueOf(to));
      en.assertAccessible("the move form");
      en.click("move-submit");
      for (Browser b : List.of(en, zh)) {
        b.wait.until(
            d ->
                !d.findElements(
                        By.cssSelector(
                            "section[data-technician='"
                                + to
                                + "'] li.visit[data-order='"
                                + moved
                                + "']"))
                    .isEmpty());
      }
      assertThat(technicianOf(moved)).isEqualTo(to);

      // Pin it from the keyboard; the colleague's board shows the pin too.
      en.find("pin-" + moved).sendKeys(Keys.ENTER);
      en.wait.until(
          d -> "true".equals(d.findElement(By.id("pin-" + moved)).getAttribute("aria-pressed")));
      zh.wait.until(
          d -> "true".equals(d.findElement(By.id("pin-" + moved)).getAttribute("aria-pressed")));
      assertThat(admin.get("/api/v1/dispatch/orders/" + moved).body().get("pinned").asBoolean())
          .isTrue();
    }
  }

  @Test
  void agentsAndTechniciansDoNotGetTheBoard() {
    assertThat(server.as("agent1").get("/api/v1/dispatch/board?day=" + DAY).status())
        .isEqualTo(403);
    assertThat(server.as("tech-north").get("/api/v1/dispatch/board?day=" + DAY).status())
        .isEqualTo(403);
    ApiClient.Response bad = server.as("supervisor1").get("/api/v1/dispatch/board?day=May");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorField()).isEqualTo("day");
  }

  private static WebElement row(Browser b, long order) {
    return b.find("unassigned").findElement(By.cssSelector("tr[data-order='" + order + "']"));
  }

  private static long firstVisitOf(Browser b, long... technicians) {
    for (long t : technicians) {
      List<WebElement> visits =
          b.driver.findElements(By.cssSelector("section[data-technician='" + t + "'] li.visit"));
      if (!visits.isEmpty()) {
        return Long.parseLong(visits.getFirst().getAttribute("data-order"));
      }
    }
    throw new AssertionError("no technician has a visit");
  }

  private static long technicianOf(long order) {
    return admin.get("/api/v1/dispatch/orders/" + order).body().get("technicianId").asLong();
  }

  /** A technician account with hvac skills, weekdays 08:00–18:00 (Taipei). */
  private static long technician(String username, String name, double lat, double lon) {
    var s = server.services();
    long id =
        s.users()
            .upsert(
                username,
                name,
                s.passwords().hash(TestServer.PASSWORD),
                Set.of(Role.TECHNICIAN),
                "zh-TW");
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

  /** An order from a new ticket, a three-hour window from {@code hourUtc} on {@link #DAY}. */
  private static long order(
      String customer, List<String> skills, double lat, double lon, int hourUtc) {
    long customerId = created(admin.post("/api/v1/customers", Map.of("name", customer)));
    long ticket =
        created(
            admin.post(
                "/api/v1/tickets",
                Map.of("type", "FAULT_REPORT", "title", "冷氣不冷", "customerId", customerId)));
    Instant start = Instant.parse(DAY + "T00:00:00Z").plus(hourUtc, ChronoUnit.HOURS);
    return created(
        admin.post(
            "/api/v1/dispatch/orders",
            Map.of(
                "ticketId",
                ticket,
                "siteAddress",
                "台北市大安區復興南路一段 " + hourUtc + " 號",
                "lat",
                lat,
                "lon",
                lon,
                "requiredSkills",
                skills,
                "durationMinutes",
                45,
                "windowStart",
                start.toString(),
                "windowEnd",
                start.plus(3, ChronoUnit.HOURS).toString())));
  }

  private static long created(ApiClient.Response r) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    JsonNode body = r.body();
    return body.get("id").asLong();
  }
}
