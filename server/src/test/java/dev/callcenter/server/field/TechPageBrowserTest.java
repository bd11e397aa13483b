package dev.callcenter.server.field;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.Browser;
import dev.callcenter.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The technician's phone page in a real Chromium at 390×844 (issue 15): a technician logs in at the
 * desk and lands on their route, closes a visit with labour, a serialised part, an expense with a
 * photo and the customer's signature; and works offline, reloads without a network, and sees every
 * queued action arrive once and in order when the connection returns, with a conflict shown.
 */
class TechPageBrowserTest {

  private static TestServer server;
  private static FieldKit kit;
  private static long techId;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    server = TestServer.start();
    kit = new FieldKit(server);
    techId = kit.technician("tech1");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aTechnicianClosesAVisitOnThePhoneAndTheTicketLoopsBack() throws Exception {
    long customer = kit.customer("黃家豪", "0912-876-543");
    long unit = kit.equipment(customer, "冷氣 AC-9");
    long ticket = kit.ticket(customer, "冷氣異音");
    long part = kit.partInVan(techId, true, 2, "950.00");
    long order = kit.scheduled(ticket, unit, techId, FieldKit.soon());
    earlierVisit(customer, "清洗濾網");
    Path photo = Files.createTempFile("receipt", ".png");
    Files.write(photo, FieldKit.image(2400, 1800, "png"));

    try (Browser b = phone("zh-TW")) {
      b.logIn("/", "tech1");
      b.wait.until(ExpectedConditions.urlContains("/tech.html"));
      b.click("order-" + order);
      Wait<WebDriver> wait =
          new WebDriverWait(b.driver, Duration.ofSeconds(15))
              .ignoring(StaleElementReferenceException.class);
      settled(b, wait);
      assertThat(b.find("ticket-description").getText()).contains("滴水");
      // What was done at this customer before, with its figures in zh-TW.
      assertThat(b.find("customer-history").getText())
          .contains("清洗濾網")
          .contains("工時 0.75 小時")
          .contains("$200.00");
      assertThat(b.find("map-link").getAttribute("href")).startsWith("geo:25.04,121.56");
      assertThat(b.driver.findElement(By.cssSelector("a.call")).getAttribute("href"))
          .isEqualTo("tel:0912876543");
      b.assertAccessible("the order on the phone");
      fitsThePhone(b);

      b.click("btn-en-route");
      waitStatus(b, wait, "EN_ROUTE");
      b.click("btn-arrived");
      waitStatus(b, wait, "ON_SITE");
      settled(b, wait);
      type(b, wait, "labour-minutes", "30");
      b.click("labour-add");
      wait.until(d -> b.find("labour-total").getText().contains("30"));
      settled(b, wait);

      new Select(b.find("part-select")).selectByValue(String.valueOf(part));
      type(b, wait, "part-serials", "CMP-77");
      b.click("part-add");
      wait.until(d -> b.find("parts-card").getText().contains("CMP-77"));
      settled(b, wait);

      type(b, wait, "expense-amount", "80");
      type(b, wait, "expense-note", "停車");
      type(b, wait, "expense-photo", photo.toString());
      b.click("expense-add");
      wait.until(d -> b.find("expense-card").getText().contains("附收據"));
      settled(b, wait);

      WebElement pad = b.find("signature-pad");
      new Actions(b.driver)
          .moveToElement(pad, -100, 0)
          .clickAndHold()
          .moveByOffset(40, 20)
          .moveByOffset(40, -30)
          .moveByOffset(40, 25)
          .release()
          .perform();
      type(b, wait, "signer-name", "黃家豪");
      b.click("signature-save");
      wait.until(d -> !d.findElements(By.id("signed")).isEmpty());
      settled(b, wait);
      // The stored signature and receipt come back as images from the server, with alt texts.
      wait.until(
          d ->
              Boolean.TRUE.equals(
                  ((org.openqa.selenium.JavascriptExecutor) d)
                      .executeScript(
                          "return [...document.querySelectorAll('#signature-image, img.receipt')]"
                              + ".filter((i) => i.complete && i.naturalWidth > 0).length === 2")));
      assertThat(b.find("signature-image").getAttribute("alt")).isEqualTo("黃家豪 的簽名");
      assertThat(b.find("signed").getText()).contains("黃家豪");
      assertThat(
              b.find("expense-card").findElement(By.cssSelector("img.receipt")).getAttribute("alt"))
          .startsWith("收據照片:")
          .contains("停車");

      type(b, wait, "resolution", "風扇軸承更換");
      b.shot("tech-page-closeout-390");
      b.click("btn-complete");
      waitStatus(b, wait, "COMPLETED");
      b.assertFullyTranslated();
      b.assertAccessible("the visit completed");
    }

    JsonNode t = kit.agent.get("/api/v1/tickets/" + ticket).body();
    assertThat(t.get("status").asText()).isEqualTo("RESOLVED");
    assertThat(t.get("resolution").asText()).isEqualTo("風扇軸承更換");
    // The page shows COMPLETED as soon as the step is queued; the server offers the KB draft
    // after storing the step, so the sheet is read once the draft is there.
    JsonNode sheet =
        dev.callcenter.server.Poll.until(
            "the KB draft offered",
            () ->
                java.util.Optional.of(
                        kit.admin.get("/api/v1/dispatch/orders/" + order + "/sheet").body())
                    .filter(s -> s.at("/closeOut/kbArticleId").asLong() > 0),
            Duration.ofSeconds(20));
    assertThat(sheet.at("/closeOut/surveyFollowUpId").asLong()).isPositive();
    assertThat(sheet.at("/closeOut/kbArticleId").asLong()).isPositive();
    assertThat(sheet.at("/closeOut/signerName").asText()).isEqualTo("黃家豪");
    assertThat(sheet.at("/parts/0/serialNumbers/0").asText()).isEqualTo("CMP-77");
    assertThat(sheet.at("/expenses/0/receiptId").asLong()).isPositive();
    assertThat(sheet.at("/costs/labourMinutes").asInt()).isEqualTo(30);
  }

  @Test
  void offlineActionsArriveOnceAndInOrderAndAConflictIsShown() {
    long customer = kit.customer("吳淑芬", "0921-555-666");
    long order = kit.scheduled(kit.ticket(customer, "熱水器"), null, techId, FieldKit.soon());
    long moved = kit.scheduled(kit.ticket(customer, "淨水器"), null, techId, FieldKit.soon());
    earlierVisit(customer, "更換點火器");
    long colleague = kit.technician(kit.newTechnicianAccount());

    try (Browser b = phone("zh-TW")) {
      Wait<WebDriver> wait =
          new WebDriverWait(b.driver, Duration.ofSeconds(20))
              .ignoring(StaleElementReferenceException.class);
      b.logIn("/tech.html", "tech1");
      b.find("order-" + order);
      settled(b, wait);
      wait.until(
          d ->
              Boolean.TRUE.equals(
                  b.driver.executeScript("return !!navigator.serviceWorker.controller")));
      b.click("order-" + moved);
      b.driver.executeScript("location.hash = ''");
      b.click("order-" + order);

      offline(b, true);
      b.click("btn-en-route");
      waitStatus(b, wait, "EN_ROUTE");
      b.click("btn-arrived");
      waitStatus(b, wait, "ON_SITE");
      type(b, wait, "labour-minutes", "15");
      b.click("labour-add");
      type(b, wait, "resolution", "Replaced the igniter");
      b.click("notes-save");
      b.driver.executeScript("location.hash = '#/order/" + moved + "'");
      b.click("btn-en-route");
      wait.until(d -> b.find("pending-count").getText().endsWith("5"));

      b.driver.navigate().refresh();
      wait.until(d -> b.find("pending-count").getText().endsWith("5"));
      assertThat(b.find("net-state").getText()).isEqualTo("離線:動作會先存在手機上");
      // The customer's earlier visits come from the phone's copy too.
      assertThat(b.find("customer-history").getText()).contains("更換點火器");
      b.assertFullyTranslated();
      b.shot("tech-page-offline-390");
      assertThat(status(order)).isEqualTo("SCHEDULED");

      ApiClient.Response reassigned =
          kit.admin.post(
              "/api/v1/dispatch/orders/" + moved + "/schedule",
              Map.of("technicianId", colleague, "start", FieldKit.soon().toString()));
      assertThat(reassigned.status()).isEqualTo(200);

      offline(b, false);
      wait.until(
          d ->
              !b.driver.findElements(By.cssSelector("#conflicts li")).isEmpty()
                  && b.driver.findElements(By.cssSelector("#pending-list li")).isEmpty());
      WebElement conflict = b.driver.findElement(By.cssSelector("#conflicts li"));
      assertThat(conflict.getAttribute("data-code")).isEqualTo("dispatch_order_reassigned");
      assertThat(conflict.getText()).contains("此派工單已改派給其他技師。");
      b.assertAccessible("a conflict shown");
    }

    JsonNode sheet = kit.admin.get("/api/v1/dispatch/orders/" + order + "/sheet").body();
    List<String> steps = new ArrayList<>();
    sheet.get("steps").forEach(s -> steps.add(s.get("type").asText()));
    assertThat(steps).containsExactly("EN_ROUTE", "ARRIVED", "LABOUR_ENTERED", "NOTES");
    assertThat(sheet.get("labour")).hasSize(1);
    assertThat(sheet.at("/closeOut/resolution").asText()).isEqualTo("Replaced the igniter");
    assertThat(status(order)).isEqualTo("ON_SITE");
    assertThat(status(moved)).isEqualTo("SCHEDULED");
  }

  /** A visit two days ago at the customer: 45 minutes, TWD 200 parking, completed. */
  private static void earlierVisit(long customer, String resolution) {
    long earlier =
        kit.scheduled(
            kit.ticket(customer, "上次的故障"),
            null,
            techId,
            java.time.Instant.now()
                .minus(Duration.ofDays(2))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    ApiClient tech = server.as("tech1");
    FieldKit.act(tech, earlier, "ARRIVED");
    FieldKit.act(tech, earlier, "LABOUR_ENTERED", "minutes", 45);
    FieldKit.act(
        tech, earlier, "EXPENSE", "expenseType", "PARKING", "amount", 200, "currency", "TWD");
    ApiClient.Response done = FieldKit.act(tech, earlier, "COMPLETED", "resolution", resolution);
    assertThat(done.status()).as(done.body().toString()).isEqualTo(201);
  }

  private static String status(long order) {
    return kit.admin.get("/api/v1/dispatch/orders/" + order).body().get("status").asText();
  }

  /** Waits for the order's status as the page shows it (pending steps applied). */
  private static void waitStatus(Browser b, Wait<WebDriver> wait, String status) {
    wait.until(
        d ->
            status.equals(
                b.driver.executeScript(
                    "const e = document.getElementById('order-status');"
                        + " return e && e.dataset.status")));
  }

  /**
   * A phone: desktop Chromium will not make its window narrower than about 500 px, so the viewport
   * is set through DevTools (390×844, 3× pixels, mobile).
   */
  private static Browser phone(String language) {
    Browser b = Browser.open(server, 390, 844, language);
    b.driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
    return b;
  }

  /** Types into a field, again if the page redrew it just then (it keeps what was typed). */
  private static void type(Browser b, Wait<WebDriver> wait, String id, String text) {
    wait.until(
        d -> {
          b.driver.findElement(By.id(id)).sendKeys(text);
          return true;
        });
  }

  /** Waits until the outbox is empty and the page is not talking to the server. */
  private static void settled(Browser b, Wait<WebDriver> wait) {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                b.driver.executeScript(
                    "const t = window.ccTech; return !!t && t.busy === 0"
                        + " && t.pending.filter(e => e.state === 'pending').length === 0")));
  }

  /** Chrome DevTools network emulation: offline or back to normal. */
  private static void offline(Browser b, boolean offline) {
    b.driver.executeCdpCommand("Network.enable", Map.of());
    b.driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** Every visible control is at least 44 px both ways and nothing overflows the 390 px screen. */
  private static void fitsThePhone(Browser b) {
    Object small =
        b.driver.executeScript(
            "return [...document.querySelectorAll('#app button, #app input, #app select,"
                + " #app textarea, #app a.tap')]"
                + ".filter(e => e.offsetParent !== null)"
                + ".map(e => [e.id || e.textContent, e.getBoundingClientRect()])"
                + ".filter(([, r]) => r.width < 44 || r.height < 44)"
                + ".map(([id, r]) => id + ' ' + Math.round(r.width) + 'x' + Math.round(r.height))");
    assertThat((List<?>) small).as("touch targets under 44 px").isEmpty();
    Object width = b.driver.executeScript("return document.documentElement.scrollWidth");
    assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
  }
}
