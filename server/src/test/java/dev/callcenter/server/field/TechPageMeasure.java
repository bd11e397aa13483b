package dev.callcenter.server.field;

import dev.callcenter.server.Browser;
import dev.callcenter.server.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A measured run, not a test (it asserts nothing about speed and runs only with {@code
 * -Dmeasure=true}): the technician page on Chrome's "Fast 3G" emulation, from cold and from the
 * service worker's cache, what it downloads, and how long 50 actions queued offline take to sync.
 * Figures go to standard output; bench/README.md has them with the machine's notes.
 */
class TechPageMeasure {

  /** Chrome DevTools' "Fast 3G" preset: 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up. */
  private static final Map<String, Object> FAST_3G =
      Map.of(
          "offline",
          false,
          "latency",
          562.5,
          "downloadThroughput",
          1_440_000 / 8,
          "uploadThroughput",
          675_000 / 8);

  private static final Map<String, Object> NO_THROTTLE =
      Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);

  private static final Map<String, Object> OFFLINE =
      Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);

  @Test
  void measure() {
    Assumptions.assumeTrue(Boolean.getBoolean("measure"), "run with -Dmeasure=true");
    Browser.assumeInstalled();
    try (TestServer server = TestServer.start()) {
      FieldKit kit = new FieldKit(server);
      long tech = kit.technician("tech1");
      long first = 0;
      for (int i = 0; i < 6; i++) {
        long customer = kit.customer("量測客戶 " + i, "0912-000-00" + i);
        long order =
            kit.scheduled(
                kit.ticket(customer, "量測 " + i),
                kit.equipment(customer, "冷氣"),
                tech,
                Instant.now().plus(1 + i, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES));
        first = first == 0 ? order : first;
      }
      try (Browser b = Browser.open(server, 390, 844, "zh-TW")) {
        Wait<WebDriver> wait =
            new WebDriverWait(b.driver, Duration.ofSeconds(120))
                .pollingEvery(Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class);
        b.driver.executeCdpCommand("Network.enable", Map.of());
        b.logIn("/tech.html", "tech1");
        wait.until(d -> ready(b));
        // Cold: no service worker, no cached files, no stored day, no HTTP cache (the session
        // cookie stays: the technician is logged in).
        b.driver.get("about:blank");
        b.driver.executeCdpCommand(
            "Storage.clearDataForOrigin",
            Map.of(
                "origin",
                server.baseUrl(),
                "storageTypes",
                "indexeddb,cache_storage,service_workers"));
        b.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        b.driver.executeCdpCommand("Network.emulateNetworkConditions", FAST_3G);
        report("cold, Fast 3G", load(b, wait, server.baseUrl() + "/tech.html"), b);
        wait.until(
            d ->
                Boolean.TRUE.equals(
                    b.driver.executeScript("return !!navigator.serviceWorker.controller")));
        report("from cache, Fast 3G", load(b, wait, server.baseUrl() + "/tech.html"), b);
        b.driver.executeCdpCommand("Network.emulateNetworkConditions", NO_THROTTLE);
        report("from cache, no throttling", load(b, wait, server.baseUrl() + "/tech.html"), b);

        for (Map<String, Object> network : List.of(NO_THROTTLE, FAST_3G)) {
          long customer = kit.customer("同步客戶", "0912-999-000");
          long order =
              kit.scheduled(
                  kit.ticket(customer, "同步"),
                  null,
                  tech,
                  Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES));
          b.driver.executeCdpCommand("Network.emulateNetworkConditions", NO_THROTTLE);
          b.driver.get(server.baseUrl() + "/tech.html#/order/" + order);
          b.driver.navigate().refresh(); // the same page with another hash does not reload
          wait.until(
              d ->
                  ready(b)
                      && !b.driver
                          .findElements(org.openqa.selenium.By.id("btn-arrived"))
                          .isEmpty());
          b.click("btn-arrived");
          wait.until(d -> idle(b));
          b.driver.executeCdpCommand("Network.emulateNetworkConditions", OFFLINE);
          for (int i = 0; i < 50; i++) {
            wait.until(
                d -> {
                  var minutes = d.findElement(org.openqa.selenium.By.id("labour-minutes"));
                  minutes.clear();
                  minutes.sendKeys("1");
                  d.findElement(org.openqa.selenium.By.id("labour-add")).click();
                  return true;
                });
            int queued = i + 1;
            wait.until(d -> pending(b) == queued);
          }
          b.driver.executeCdpCommand("Network.emulateNetworkConditions", network);
          long started = System.nanoTime();
          b.driver.executeScript("window.dispatchEvent(new Event('online'))");
          wait.until(d -> pending(b) == 0);
          long millis = (System.nanoTime() - started) / 1_000_000;
          long refused =
              (Long)
                  b.driver.executeScript(
                      "return window.ccTech.pending.filter(e => e.state === 'conflict').length");
          System.out.printf(
              "MEASURE sync of 50 queued actions (%s): %d ms, %.1f ms per action, %d refused%n",
              network == FAST_3G ? "Fast 3G" : "no throttling", millis, millis / 50.0, refused);
        }
      }
    }
  }

  private static boolean ready(Browser b) {
    return Boolean.TRUE.equals(
        b.driver.executeScript(
            "return !!(window.ccTech && window.ccTech.day"
                + " && document.querySelector('#tech-route li, #order-detail'))"));
  }

  private static boolean idle(Browser b) {
    return Boolean.TRUE.equals(
        b.driver.executeScript(
            "return window.ccTech.busy === 0 && window.ccTech.pending.length === 0"));
  }

  private static long pending(Browser b) {
    return ((Number)
            b.driver.executeScript(
                "return window.ccTech.pending.filter(e => e.state === 'pending').length"))
        .longValue();
  }

  /** Milliseconds to the route on screen, then to the day's data refreshed from the server. */
  private static long[] load(Browser b, Wait<WebDriver> wait, String url) {
    b.driver.get("about:blank");
    long started = System.nanoTime();
    b.driver.get(url);
    wait.until(d -> ready(b));
    long shown = (System.nanoTime() - started) / 1_000_000;
    wait.until(d -> idle(b));
    return new long[] {shown, (System.nanoTime() - started) / 1_000_000};
  }

  private static void report(String what, long[] millis, Browser b) {
    Object bytes =
        b.driver.executeScript(
            "return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource'))"
                + ".reduce((s, e) => s + (e.transferSize || 0), 0)");
    Object files =
        b.driver.executeScript(
            "return performance.getEntriesByType('resource').map(e =>"
                + " e.name.replace(location.origin, '') + ' ' + (e.transferSize || 0)).join(', ')");
    System.out.printf(
        "MEASURE page load %s: %d ms to the route on screen, %d ms to the day refreshed from the"
            + " server, %d bytes over the network (%s)%n",
        what, millis[0], millis[1], ((Number) bytes).longValue(), files);
  }
}
