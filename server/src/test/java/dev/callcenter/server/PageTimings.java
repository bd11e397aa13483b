package dev.callcenter.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Measures the agent desk in real headless Chromium against the demo (embedded PostgreSQL, the
 * simulated PBX, the demo data): how long the desk takes to load and be ready, and how long a
 * screen pop takes from its WebSocket frame (and from placing the call) to being on screen. Also
 * takes the README's screenshot from the demo's own data. Run with {@code bench/run pages}.
 */
public final class PageTimings {
  private static final String PASSWORD = "pages-bench-demo";

  /** Counts a screen-pop frame's arrival before the page's own listener sees it. */
  private static final String FRAME_CLOCK =
      """
      (() => {
        const Native = window.WebSocket;
        window.ccFrames = [];
        window.WebSocket = class extends Native {
          constructor(...args) {
            super(...args);
            this.addEventListener('message', (e) => {
              if (String(e.data).includes('"screen-pop"')) window.ccFrames.push(performance.now());
            });
          }
        };
      })();
      """;

  private PageTimings() {}

  public static void run(int loads, int calls, Path screenshot) throws Exception {
    Path data = Files.createTempDirectory("page-timings");
    ServerConfig config =
        Main.demoConfig(
            Map.of(
                "CC_DATA_DIR",
                data.toString(),
                "CC_HTTP_PORT",
                "0",
                "CC_DEMO_PASSWORD",
                PASSWORD,
                "CC_CUSTOMERS_TIER_JOB_INTERVAL",
                "0s"));
    try (CallCenterServer server = Main.startDemo(config);
        Browser browser =
            Browser.open("http://127.0.0.1:" + server.httpPort(), 1400, 900, "zh-TW")) {
      String base = "http://127.0.0.1:" + server.httpPort();
      ApiClient agent1 = ApiClient.anonymous(base).login("agent1", PASSWORD);
      ApiClient agent2 = ApiClient.anonymous(base).login("agent2", PASSWORD);
      agent2.put("/api/v1/agents/me/state", Map.of("state", "logged-out")); // agent1 takes them
      browser.driver.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument", Map.of("source", FRAME_CLOCK));
      browser.logIn("/", "agent1", PASSWORD);
      awaitReady(browser);

      List<Double> domReady = new ArrayList<>();
      List<Double> loaded = new ArrayList<>();
      List<Double> ready = new ArrayList<>();
      for (int i = 0; i < loads; i++) {
        browser.driver.navigate().refresh();
        double readyAt = awaitReady(browser);
        @SuppressWarnings("unchecked")
        Map<String, Object> nav =
            (Map<String, Object>)
                browser.driver.executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                        + " return {dom: n.domContentLoadedEventEnd, load: n.loadEventEnd};");
        domReady.add(((Number) nav.get("dom")).doubleValue());
        loaded.add(((Number) nav.get("load")).doubleValue());
        ready.add(readyAt);
      }
      System.out.printf(
          "desk load (%d warm reloads, zh-TW, demo data): DOMContentLoaded p50 %.0f ms,"
              + " load p50 %.0f ms, ready (state shown, lists loaded) p50 %.0f / max %.0f ms%n",
          loads, p(domReady, 50), p(loaded, 50), p(ready, 50), p(ready, 100));

      List<Double> frameToVisible = new ArrayList<>();
      List<Double> callToVisible = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        browser.driver.executeScript(
            "window.ccFrames = []; window.ccShown = null;"
                + " const pop = document.getElementById('pop');"
                + " const seen = pop.dataset.callId;"
                + " new MutationObserver((_, o) => { if (pop.dataset.callId !== seen) {"
                + " window.ccShown = performance.now(); o.disconnect(); } })"
                + ".observe(pop, {attributes: true, attributeFilter: ['data-call-id']});");
        double before = (Double) browser.driver.executeScript("return performance.now();");
        var placed =
            agent1.post(
                "/api/v1/simulator/calls",
                Map.of(
                    "from", i % 2 == 0 ? "+886 2 2345 6789" : "0912-345-678",
                    "ringSeconds", 1,
                    "talkSeconds", 1));
        if (placed.status() != 202) {
          throw new IllegalStateException("call not placed: " + placed.body());
        }
        browser.wait.until(d -> d.findElements(By.cssSelector("#pop:not(.idle)")).size() > 0);
        browser
            .wait
            .withTimeout(Duration.ofSeconds(10))
            .until(
                d ->
                    ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript(
                            "return window.ccShown !== null && window.ccFrames.length > 0;")
                        .equals(Boolean.TRUE));
        @SuppressWarnings("unchecked")
        List<Object> times =
            (List<Object>)
                browser.driver.executeScript("return [window.ccFrames[0], window.ccShown];");
        double frame = ((Number) times.get(0)).doubleValue();
        double shown = ((Number) times.get(1)).doubleValue();
        frameToVisible.add(shown - frame);
        callToVisible.add(shown - before);
        if (i == 0 && screenshot != null) {
          // The demo company's VIP contact: the README's picture, from the demo's own data.
          browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pop-vip")));
          Files.createDirectories(screenshot.getParent());
          Files.write(screenshot, browser.driver.getScreenshotAs(OutputType.BYTES));
        }
        String callId = placed.body().get("callId").asText();
        awaitCallOver(agent1, callId);
      }
      System.out.printf(
          "screen pop (%d calls): frame arrives -> pop on screen p50 %.1f / p95 %.1f / max %.1f ms;"
              + " call placed (API) -> pop on screen p50 %.0f / p95 %.0f ms%n",
          calls,
          p(frameToVisible, 50),
          p(frameToVisible, 95),
          p(frameToVisible, 100),
          p(callToVisible, 50),
          p(callToVisible, 95));
      if (screenshot != null) {
        System.out.println("screenshot: " + screenshot);
      }
    }
  }

  /** performance.now() when the desk shows the agent's state and its ticket list. */
  private static double awaitReady(Browser browser) {
    return ((Number)
            browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " const check = () => document.querySelector('#agent-state[data-state]')"
                    + " && document.getElementById('ticket-lists')"
                    + " ? done(performance.now()) : requestAnimationFrame(check);"
                    + " check();"))
        .doubleValue();
  }

  /** Waits until agent1 is no longer on that call, so the next one rings them again. */
  private static void awaitCallOver(ApiClient agent, String callId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      var state = agent.get("/api/v1/agents/me/state").body();
      if (state.path("state").asText().equals("available") && !state.has("callId")) {
        return;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    throw new IllegalStateException("agent1 still busy with " + callId);
  }

  private static double p(List<Double> values, int percentile) {
    List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
