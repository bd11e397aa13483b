package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.report.CallRecord;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportApiTest {

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    var facts = server.services().reportFacts();
    long vip = server.customer("=SUM(A1)", "+886 2 2000 0001", "zh-TW").id();
    Instant at = LocalDateTime.parse("2026-03-02T09:00").atZone(TAIPEI).toInstant();
    facts.recordCall(
        new CallRecord(
            "r1",
            "support",
            vip,
            Tier.VIP,
            at,
            at.plusSeconds(10),
            at.plusSeconds(70),
            CallRecord.Outcome.ANSWERED,
            10,
            60,
            0,
            null,
            false,
            false));
    facts.recordCall(
        new CallRecord(
            "r2",
            "support",
            null,
            null,
            at.plusSeconds(60),
            null,
            at.plusSeconds(90),
            CallRecord.Outcome.ABANDONED,
            30,
            null,
            null,
            null,
            false,
            false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anAdminRebuildsTheRollupsAndTheReportStillCountsTheCalls() {
    assertThat(server.as("supervisor1").post("/api/v1/reports/rollups/rebuild", "{}").status())
        .isEqualTo(403);

    ApiClient.Response r = server.as("admin1").post("/api/v1/reports/rollups/rebuild", "{}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("callRows").asLong()).isGreaterThanOrEqualTo(2);
    ApiClient.Response calls =
        server
            .as("supervisor1")
            .get("/api/v1/reports/calls?from=2026-03-02&to=2026-03-02&zone=Asia/Taipei");
    assertThat(calls.body().at("/parameters/callSource").asText()).isEqualTo("rollup");
    assertThat(calls.body().at("/tables/0/rows/0/0").asLong()).isEqualTo(2);
  }

  @Test
  void aSupervisorGetsTheCallReportAsJson() {
    ApiClient.Response r =
        server
            .as("supervisor1")
            .get("/api/v1/reports/calls?from=2026-03-02&to=2026-03-02&zone=Asia/Taipei");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("name").asText()).isEqualTo("calls");
    assertThat(r.body().at("/parameters/bucket").asText()).isEqualTo("hour");
    assertThat(r.body().at("/tables/0/code").asText()).isEqualTo("summary");
    assertThat(r.body().at("/tables/0/columns/0/code").asText()).isEqualTo("offered");
    assertThat(r.body().at("/tables/0/rows/0/0").asLong()).isEqualTo(2);
    assertThat(r.body().at("/tables/0/rows/0/5").asDouble()).isEqualTo(1.0); // SL-A
    assertThat(r.body().at("/tables/0/rows/0/6").asDouble()).isEqualTo(0.5); // SL-O
    assertThat(r.body().at("/tables/1/rows").size()).isEqualTo(24);
  }

  @Test
  void theCsvExportHasABomRfc4180AndDefusedFormulas() throws Exception {
    ApiClient supervisor = server.as("supervisor1");
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.baseUrl()
                                + "/api/v1/reports/customers?from=2026-03-02&to=2026-03-02"
                                + "&format=csv"))
                    .header("Authorization", "Bearer " + supervisor.token())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("customers_2026-03-02_2026-03-02.csv");
    byte[] body = r.body();
    assertThat(body[0] & 0xff).isEqualTo(0xEF);
    assertThat(body[1] & 0xff).isEqualTo(0xBB);
    assertThat(body[2] & 0xff).isEqualTo(0xBF);
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).contains("\r\n").contains("'=SUM(A1)").doesNotContain(",=SUM");
    assertThat(text).contains("customers.serviceByTier\r\ntier,offered,");
  }

  @Test
  void agentsMayNotSeeReportsAndBadParametersAre400() {
    assertThat(server.as("agent1").get("/api/v1/reports/calls").status()).isEqualTo(403);
    assertThat(server.as("tech1").get("/api/v1/reports").status()).isEqualTo(403);
    ApiClient s = server.as("supervisor1");
    assertThat(s.get("/api/v1/reports").body().get("items").toString()).contains("field-service");
    for (String bad :
        new String[] {
          "/api/v1/reports/nope",
          "/api/v1/reports/calls?from=2026-13-01",
          "/api/v1/reports/calls?from=2026-03-02&to=2026-03-01",
          "/api/v1/reports/calls?from=2025-01-01&to=2026-12-31",
          "/api/v1/reports/calls?from=2026-01-01&to=2026-12-31&bucket=15m",
          "/api/v1/reports/calls?zone=Mars/Olympus",
          "/api/v1/reports/calls?bucket=minute",
          "/api/v1/reports/calls?tier=GOLD",
          "/api/v1/reports/calls?format=xlsx",
          "/api/v1/reports/complaints?spikeSigma=0",
          "/api/v1/reports/complaints?spikeSigma=NaN",
          "/api/v1/reports/calls?serviceLevelSeconds=0"
        }) {
      ApiClient.Response r = s.get(bad);
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(r.errorCode()).as(bad).isEqualTo("invalid_field");
    }
  }

  @Test
  void everyReportAnswersOnAnEmptyishDatabase() {
    ApiClient s = server.as("supervisor1");
    for (String name :
        new String[] {
          "calls", "agents", "sla", "complaints", "satisfaction", "customers", "field-service"
        }) {
      ApiClient.Response r =
          s.get(
              "/api/v1/reports/"
                  + name
                  + "?from=2026-01-01&to=2026-12-31&bucket=week"
                  + "&queue=support&team=t&agent=1&product=p&tier=VIP");
      assertThat(r.status()).as(name).isEqualTo(200);
      assertThat(r.body().get("tables").size()).as(name).isPositive();
    }
  }
}
