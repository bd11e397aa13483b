package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.report.CallRecord;
import dev.callcenter.helpdesk.report.CallRecord.Outcome;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The supervisor report page in real headless Chromium: charts, tables, both languages, CSV. */
class ReportsPageTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static final String DAY = "from=2026-03-02&to=2026-03-02&zone=Asia/Taipei";
  private static TestServer server;
  private Browser window;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    server = TestServer.start();
    var s = server.services();
    var facts = s.reportFacts();
    String[][] customers = {
      {"王小明", "+886 2 2000 0101", "500"},
      {"=陳大文", "+886 2 2000 0102", "300"},
      {"林美玲, \"VIP\"", "+886 2 2000 0103", "200"}
    };
    List<Long> ids = new ArrayList<>();
    for (String[] c : customers) {
      long id = server.customer(c[0], c[1], "zh-TW").id();
      server
          .services()
          .database()
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "update customer set value_12m = ? where id = ?",
                      Integer.parseInt(c[2]),
                      id));
      ids.add(id);
    }
    // 09:00–10:00: two answered (8 s and 40 s), one abandoned after 3 s (a short abandon)
    Instant nine = LocalDateTime.parse("2026-03-02T09:00").atZone(TAIPEI).toInstant();
    int[][] calls = {{0, 8, 120}, {600, 40, 300}, {1200, 3, -1}};
    for (int i = 0; i < calls.length; i++) {
      Instant at = nine.plusSeconds(calls[i][0]);
      boolean answered = calls[i][2] >= 0;
      facts.recordCall(
          new CallRecord(
              "page-" + i,
              "support",
              ids.get(i),
              Tier.STANDARD,
              at,
              answered ? at.plusSeconds(calls[i][1]) : null,
              at.plusSeconds(calls[i][1] + Math.max(0, calls[i][2])),
              answered ? Outcome.ANSWERED : Outcome.ABANDONED,
              calls[i][1],
              answered ? calls[i][2] : null,
              answered ? 0 : null,
              null,
              false,
              false));
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void closeWindow() {
    if (window != null) {
      window.close();
    }
  }

  private String cell(String table, int row, String column) {
    return window
        .find("table-" + table)
        .findElements(By.cssSelector("tbody tr"))
        .get(row)
        .findElement(By.cssSelector("td[data-col='" + column + "']"))
        .getText();
  }

  @Test
  void theCallReportDrawsItsChartsBesideTablesInChinese() {
    window = Browser.open(server, 1400, 900, "zh-TW");
    window.logIn("/reports.html?name=calls&bucket=hour&" + DAY, "supervisor1");
    window.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-volume canvas")));
    window.find("chart-service");

    assertThat(cell("summary", 0, "offered")).isEqualTo("3");
    assertThat(cell("summary", 0, "shortAbandoned")).isEqualTo("1");
    assertThat(cell("summary", 0, "serviceLevelAnswered")).isEqualTo("50%");
    assertThat(cell("summary", 0, "serviceLevelOffered")).isEqualTo("33.3%");
    assertThat(cell("summary", 0, "serviceLevelOfferedExShort")).isEqualTo("50%");
    assertThat(window.find("table-series").findElements(By.cssSelector("tbody tr"))).hasSize(24);
    assertThat(cell("series", 9, "offered")).isEqualTo("3");
    assertThat(window.bodyText()).contains("服務水準(三種定義)").contains("SL-A(÷ 接聽)");
    window.shot("reports-calls-zh");
    window.assertFullyTranslated();
    window.assertAccessible("reports: calls, zh-TW");
  }

  @Test
  void theCustomerCsvParsesBackToTheSameNumbersWithChineseNamesIntact() throws Exception {
    window = Browser.open(server);
    window.logIn("/reports.html?name=customers&" + DAY, "supervisor1");
    window.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-pareto canvas")));
    window.find("table-pareto");
    assertThat(cell("pareto", 0, "customer")).isEqualTo("王小明");
    window.assertFullyTranslated();
    window.assertAccessible("reports: customers, en");

    String href = window.find("rep-csv").getAttribute("href");
    assertThat(href).contains("format=csv").contains("/api/v1/reports/customers");
    // Downloaded by the page's own session, as a click on the link would.
    String csv =
        (String)
            window.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0], {credentials: 'same-origin'})"
                    + ".then(r => r.arrayBuffer())"
                    + ".then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)))"
                    + ".catch(e => done('failed: ' + e));",
                href);
    assertThat(csv).startsWith("\uFEFF");

    List<CSVRecord> records =
        CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
    List<List<String>> pareto = block(records, "customers.pareto");
    JsonNode json =
        server.as("supervisor1").get("/api/v1/reports/customers?" + DAY).body().get("tables");
    JsonNode expected = null;
    for (JsonNode t : json) {
      if (t.get("code").asText().equals("pareto")) {
        expected = t;
      }
    }
    assertThat(pareto.getFirst())
        .containsExactly("customerId", "customer", "tier", "value12m", "rank", "cumulativeShare");
    assertThat(pareto).hasSize(expected.get("rows").size() + 1);
    for (int i = 0; i < expected.get("rows").size(); i++) {
      JsonNode row = expected.get("rows").get(i);
      List<String> line = pareto.get(i + 1);
      assertThat(Long.parseLong(line.get(0))).isEqualTo(row.get(0).asLong());
      String name = row.get(1).asText();
      assertThat(line.get(1)).isEqualTo(name.startsWith("=") ? "'" + name : name);
      assertThat(Double.parseDouble(line.get(3))).isEqualTo(row.get(3).asDouble());
      assertThat(Double.parseDouble(line.get(5))).isEqualTo(row.get(5).asDouble());
    }
    assertThat(pareto.get(1).subList(1, 4)).containsExactly("王小明", "STANDARD", "500");
    assertThat(pareto.get(2).get(1)).isEqualTo("'=陳大文");
    assertThat(pareto.get(3).get(1)).isEqualTo("林美玲, \"VIP\"");
    assertThat(Double.parseDouble(pareto.get(2).get(5))).isEqualTo(0.8);
  }

  @Test
  void theWallboardNamesBothServiceLevelsAndLinksToTheReports() {
    window = Browser.open(server);
    window.logIn("/wallboard.html", "supervisor1");
    window.find("sl-help");
    // supervisor1 reads zh-TW (the user's setting wins over the browser's)
    assertThat(window.bodyText()).contains("SL-A(÷ 接聽)").contains("SL-O(÷ 接聽 + 放棄)");
    window.click("to-reports");
    window.find("rep-form");
    window.assertFullyTranslated();
  }

  /** The rows of one table block of a report CSV, header first. */
  private static List<List<String>> block(List<CSVRecord> records, String code) {
    List<List<String>> out = new ArrayList<>();
    boolean in = false;
    for (CSVRecord r : records) {
      if (!in) {
        in = r.size() == 1 && r.get(0).equals(code);
        continue;
      }
      if (r.size() == 1 && r.get(0).isEmpty()) {
        break;
      }
      out.add(r.toList());
    }
    return out;
  }
}
