package dev.callcenter.server.field;

import static dev.callcenter.server.field.FieldKit.act;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.server.ApiClient;
import dev.callcenter.server.Browser;
import dev.callcenter.server.TestServer;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The field-service report on reports.html in real headless Chromium: one completed visit with 30
 * minutes of labour and a TWD 100 expense shows in the summary and the orders table, worded in
 * zh-TW, and its CSV parses back to the same figures.
 */
class FieldServiceReportPageTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static TestServer server;
  private static long order;

  @BeforeAll
  static void start() {
    Browser.assumeInstalled();
    server = TestServer.start();
    FieldKit kit = new FieldKit(server);
    long tech = kit.technician("tech1");
    ApiClient phone = server.as("tech1");
    long customer = kit.customer("陳雅婷", "0977-555-111");
    order = kit.scheduled(kit.ticket(customer, "冷氣不冷"), null, tech, FieldKit.soon());
    assertThat(act(phone, order, "ARRIVED").status()).isEqualTo(201);
    assertThat(act(phone, order, "LABOUR_ENTERED", "minutes", 30).status()).isEqualTo(201);
    assertThat(
            act(phone, order, "EXPENSE", "expenseType", "PARKING", "amount", 100, "currency", "TWD")
                .status())
        .isEqualTo(201);
    assertThat(act(phone, order, "COMPLETED", "resolution", "清洗濾網").status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String period() {
    LocalDate today = LocalDate.now(TAIPEI);
    return "from=" + today + "&to=" + today.plusDays(1) + "&zone=Asia/Taipei";
  }

  private static String cell(Browser w, String table, int row, String column) {
    return w.find("table-" + table)
        .findElements(By.cssSelector("tbody tr"))
        .get(row)
        .findElement(By.cssSelector("td[data-col='" + column + "']"))
        .getText();
  }

  @Test
  void theFieldServiceReportShowsTheVisitsFiguresInChineseAndItsCsvParsesBack() throws Exception {
    try (Browser w = Browser.open(server, 1400, 900, "zh-TW")) {
      w.logIn("/reports.html?name=field-service&" + period(), "supervisor1");
      w.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("table-orders")));

      assertThat(cell(w, "summary", 0, "orders")).isEqualTo("1");
      assertThat(cell(w, "summary", 0, "firstTimeFix")).isEqualTo("100%");
      assertThat(cell(w, "summary", 0, "onTimeArrival")).isEqualTo("100%");
      assertThat(cell(w, "orders", 0, "orderId")).isEqualTo(Long.toString(order));
      assertThat(cell(w, "orders", 0, "customer")).isEqualTo("陳雅婷");
      assertThat(cell(w, "orders", 0, "orderStatus")).isEqualTo("已完成");
      assertThat(cell(w, "orders", 0, "fixedFirstTime")).isEqualTo("是");
      assertThat(cell(w, "orders", 0, "labourHours")).isEqualTo("0.5");
      assertThat(cell(w, "orders", 0, "total")).isEqualTo("100");
      assertThat(w.find("h-technicianDays").getText()).isEqualTo("技術人員每日");
      w.shot("reports-field-service-zh");
      w.assertFullyTranslated();
      w.assertAccessible("reports: field service, zh-TW");

      String href = w.find("rep-csv").getAttribute("href");
      String csv =
          (String)
              w.driver.executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "fetch(arguments[0], {credentials: 'same-origin'})"
                      + ".then(r => r.arrayBuffer())"
                      + ".then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b)))"
                      + ".catch(e => done('failed: ' + e));",
                  href);
      assertThat(csv).startsWith("\uFEFF");
      List<List<String>> orders =
          block(
              CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords(),
              "field-service.orders");
      assertThat(orders.getFirst())
          .containsExactly(
              "orderId",
              "ticketId",
              "customer",
              "technician",
              "day",
              "orderStatus",
              "firstVisit",
              "fixedFirstTime",
              "labourHours",
              "partsCost",
              "expenses",
              "otherExpenses",
              "total");
      List<String> line = orders.get(1);
      assertThat(line.get(0)).isEqualTo(Long.toString(order));
      assertThat(line.get(2)).isEqualTo("陳雅婷");
      assertThat(line.subList(5, 8)).containsExactly("COMPLETED", "YES", "YES");
      assertThat(Double.parseDouble(line.get(8))).isEqualTo(0.5);
      assertThat(Double.parseDouble(line.get(10))).isEqualTo(100.0);
      assertThat(Double.parseDouble(line.get(12))).isEqualTo(100.0);
    }
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
      List<String> values = new ArrayList<>();
      r.forEach(values::add);
      out.add(values);
    }
    return out;
  }
}
