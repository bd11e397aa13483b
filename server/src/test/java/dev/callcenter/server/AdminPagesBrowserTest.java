package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administration page in real Chromium: an administrator lands there, edits an SLA policy, adds
 * a holiday and imports a year, writes and publishes a KB article, sets an agent's queues and reads
 * the system status; axe-core and the translation check on every section.
 */
class AdminPagesBrowserTest {
  private static CtiTestKit kit;
  private static TestServer server;
  private Browser window;

  @BeforeAll
  static void start() throws Exception {
    Browser.assumeInstalled();
    kit = new CtiTestKit().connected();
    server = kit.server;
  }

  @AfterAll
  static void stop() {
    if (kit != null) {
      kit.close();
    }
  }

  @BeforeEach
  void open() {
    window = Browser.open(server);
  }

  @AfterEach
  void close() {
    if (window != null) {
      window.close();
    }
  }

  /** Names people gave things (users, holidays, articles): shown as they are. */
  private static java.util.List<String> userData() {
    java.util.List<String> data = new java.util.ArrayList<>();
    server
        .services()
        .users()
        .list(null)
        .forEach(
            u -> {
              data.add(u.username());
              data.add(u.displayName());
            });
    server.services().calendar().holidays().forEach(h -> data.add(h.name()));
    // the version the server reports, e.g. 0.1.0-dev
    data.add(server.anonymous().get("/api/v1/health").body().path("version").asText("-"));
    data.addAll(
        java.util.List.of(
            "support",
            "billing",
            "vip-care",
            "VIP 專線",
            "printer",
            "台語",
            "掃描器卡紙",
            "掃描器進紙時卡住",
            "清潔進紙滾輪",
            "更換分紙墊"));
    data.sort(java.util.Comparator.comparingInt(String::length).reversed());
    return data;
  }

  private void section(String name) {
    window.click("nav-" + name);
    window.wait.until(
        ExpectedConditions.attributeToBe(By.id("admin-section"), "data-section", name));
  }

  @Test
  void anAdministratorRunsTheCenterFromTheAdministrationPage() {
    // An administrator without a phone lands on administration, not on the agent desk.
    window.logIn("/", "admin1");
    window.wait.until(ExpectedConditions.urlContains("/admin.html"));
    window.find("users");
    window.assertAccessible("users");
    window.assertFullyTranslated();
    window.assertInLanguage("zh-TW", userData());

    section("sla");
    WebElement row =
        window.wait.until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath("//table[@id='sla-table']//tr[td[2]='緊急' and td[3]='一般']")));
    long policyId = Long.parseLong(row.getAttribute("data-policy"));
    window.assertAccessible("SLA policies");
    window.assertInLanguage("zh-TW", userData());
    WebElement firstResponse = window.find("sla-fr-" + policyId);
    firstResponse.clear();
    firstResponse.sendKeys("45");
    row.findElement(By.className("sla-save")).click();
    window.wait.until(ExpectedConditions.textToBe(By.id("sla-status"), "SLA 政策已儲存。"));
    assertThat(
            server.services().slaPolicies().all().stream()
                .filter(p -> p.id() == policyId)
                .findFirst()
                .orElseThrow()
                .firstResponse()
                .toMinutes())
        .isEqualTo(45);

    section("holidays");
    new org.openqa.selenium.support.ui.Select(window.find("holiday-year")).selectByValue("2027");
    window.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("holiday-table")));
    window.assertAccessible("holidays");
    window.assertInLanguage("zh-TW", userData());
    window.driver.executeScript(
        "const d = document.getElementById('holiday-day'); d.value = '2027-07-28';"
            + " d.dispatchEvent(new Event('input', {bubbles: true}))");
    window.find("holiday-name").sendKeys("颱風假");
    window.click("holiday-save");
    window.wait.until(ExpectedConditions.textToBe(By.id("holiday-status"), "假日已新增。"));
    assertThat(server.services().calendar().holidays())
        .anySatisfy(
            h -> {
              assertThat(h.day()).isEqualTo(LocalDate.of(2027, 7, 28));
              assertThat(h.name()).isEqualTo("颱風假");
            });
    window.find("holiday-import").sendKeys("2027-01-01 開國紀念日\n2027-02-08 春節");
    window.click("holiday-import-save");
    window.wait.until(ExpectedConditions.alertIsPresent()).accept();
    window.wait.until(ExpectedConditions.textToBe(By.id("holiday-status"), "已匯入 2 個假日。"));
    assertThat(server.services().calendar().holidays())
        .filteredOn(h -> h.day().getYear() == 2027)
        .extracting(h -> h.name())
        .containsExactly("開國紀念日", "春節");

    section("kb");
    window.click("kb-new");
    window.find("kb-title").sendKeys("掃描器卡紙");
    window.find("kb-symptom").sendKeys("掃描器進紙時卡住");
    window.find("kb-resolution").sendKeys("清潔進紙滾輪\n更換分紙墊");
    window.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("kb-preview"), "更換分紙墊"));
    window.assertAccessible("KB editor");
    window.assertInLanguage("zh-TW", userData());
    window.click("kb-save");
    window.wait.until(ExpectedConditions.textToBe(By.id("kb-editor-status"), "文章已儲存。"));
    window.click("kb-publish");
    window.wait.until(ExpectedConditions.textToBe(By.id("kb-editor-status"), "文章已發布。"));
    assertThat(window.find("kb-article-status").getAttribute("data-status")).isEqualTo("PUBLISHED");
    window.find("kb-history");
    assertThat(
            server
                .as("agent1")
                .get(
                    "/api/v1/kb/search?q="
                        + java.net.URLEncoder.encode(
                            "掃描器卡紙", java.nio.charset.StandardCharsets.UTF_8))
                .body()
                .at("/hits/0/title")
                .asText())
        .isEqualTo("掃描器卡紙");

    section("agents");
    WebElement queues = window.find("agent-queues-agent2");
    window.assertAccessible("agents");
    window.assertInLanguage("zh-TW", userData());
    queues.clear();
    queues.sendKeys("support, billing");
    window
        .driver
        .findElement(By.cssSelector("#agents-table tr[data-agent='agent2'] .agent-save"))
        .click();
    window.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("agents-status"), "已儲存"));
    assertThat(server.services().agentDevices().forUser(kit.agent2).orElseThrow().queues())
        .containsExactly("support", "billing");

    section("teams");
    window.find("team-new-key").sendKeys("vip-care");
    window.find("team-new-name").sendKeys("VIP 專線");
    window.click("team-new-save");
    window.wait.until(ExpectedConditions.textToBe(By.id("teams-status"), "團隊已建立。"));
    window.assertAccessible("teams");
    window.assertInLanguage("zh-TW", userData());
    new org.openqa.selenium.support.ui.Select(window.find("team-add-user-vip-care"))
        .selectByValue(Long.toString(kit.agent2));
    window.driver.findElement(By.cssSelector("section[data-team='vip-care'] .member-add")).click();
    window.wait.until(ExpectedConditions.textToBe(By.id("teams-status"), "成員已加入。"));
    By member =
        By.cssSelector("section[data-team='vip-care'] tr[data-member='" + kit.agent2 + "']");
    window
        .driver
        .findElement(member)
        .findElement(By.className("member-skills"))
        .sendKeys("printer, 台語");
    window.driver.findElement(member).findElement(By.className("member-capacity")).sendKeys("3");
    window.driver.findElement(member).findElement(By.className("member-save")).click();
    window.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("teams-status"), "已儲存"));
    var stored = server.services().teams().member("vip-care", kit.agent2);
    assertThat(stored.skills()).containsExactly("printer", "台語");
    assertThat(stored.capacity()).isEqualTo(3);

    section("ivr");
    window.find("ivr-off"); // this server runs without the IVR; the demo's menus: DemoModeTest
    window.assertInLanguage("zh-TW", userData());

    section("status");
    window.wait.until(
        ExpectedConditions.attributeToBe(
            By.cssSelector("#status-table tr[data-component='database']"), "data-status", "UP"));
    window.assertAccessible("system status");
    window.assertInLanguage("zh-TW", userData());
    window.assertFullyTranslated();
  }

  @Test
  void everySectionReadsInEnglishForAnEnglishAdministrator() {
    server
        .services()
        .users()
        .upsert(
            "admin-en",
            "English Admin",
            server.services().passwords().hash(TestServer.PASSWORD),
            java.util.Set.of(dev.callcenter.helpdesk.user.Role.ADMIN),
            "en");
    window.logIn("/admin.html", "admin-en");
    window.find("users");
    window.assertInLanguage("en", userData());
    for (String name :
        java.util.List.of("agents", "teams", "sla", "holidays", "kb", "ivr", "status")) {
      section(name);
      window.wait.until(d -> !d.findElement(By.id("admin-section")).getText().isBlank());
      window.assertFullyTranslated();
      window.assertInLanguage("en", userData());
    }
  }
}
