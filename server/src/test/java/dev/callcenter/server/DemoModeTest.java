package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoModeTest {

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void demoRunsOnTheEmbeddedDatabaseKeepsItsDataAndLetsTheDemoUsersLogIn(@TempDir Path dataDir)
      throws InterruptedException {
    Map<String, String> env =
        Map.of(
            "CC_DATA_DIR", dataDir.toString(),
            "CC_HTTP_PORT", "0",
            "CC_DEMO_PASSWORD", "letmein",
            "CC_CUSTOMERS_TIER_JOB_INTERVAL", "0s");
    ServerConfig config = Main.demoConfig(env);
    long customersBefore;
    try (CallCenterServer server = Main.startDemo(config)) {
      ApiClient anon = ApiClient.anonymous("http://127.0.0.1:" + server.httpPort());
      ApiClient.Response health = anon.get("/api/v1/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.body().at("/components/database/status").asText()).isEqualTo("UP");
      for (String user : DemoData.USERS.keySet()) {
        assertThat(anon.login(user, "letmein").get("/api/v1/auth/me").status())
            .as(user)
            .isEqualTo(200);
      }
      ApiClient agent = anon.login("agent1", "letmein");
      var vip = agent.get("/api/v1/customers/lookup?phone=0912345678").body();
      assertThat(vip.get("result").asText()).isEqualTo("KNOWN");
      assertThat(vip.at("/customers/0/tier").asText()).isEqualTo("VIP");
      customersBefore = agent.get("/api/v1/customers?limit=200").body().get("items").size();
      assertThat(customersBefore).as("a demo worth searching").isGreaterThanOrEqualTo(20);
      // Search and suggestions have articles in both languages to find.
      assertThat(
              agent.get("/api/v1/kb/search?q=" + enc("印表機卡紙")).body().at("/hits/0/title").asText())
          .contains("卡紙");
      assertThat(
              agent
                  .get("/api/v1/kb/search?q=router+no+internet")
                  .body()
                  .at("/hits/0/title")
                  .asText())
          .containsIgnoringCase("internet");
      // The administration page's read-only view of the IVR the demo runs.
      assertThat(agent.get("/api/v1/ivr/menus").status()).isEqualTo(403);
      var menus = anon.login("supervisor1", "letmein").get("/api/v1/ivr/menus").body();
      assertThat(menus.get("enabled").asBoolean()).isTrue();
      assertThat(menus.at("/menus/0/name").asText()).isEqualTo("main");
      assertThat(menus.at("/menus/0/choices")).isNotEmpty();
      for (String status : new String[] {"NEW", "OPEN", "PENDING_CUSTOMER", "RESOLVED", "CLOSED"}) {
        assertThat(agent.get("/api/v1/tickets?status=" + status).body().get("items"))
            .as("demo tickets in state " + status)
            .isNotEmpty();
      }

      // The demo's PBX: a simulated call from the demo company pops on agent1's WebSocket.
      try (WsClient ws = WsClient.connect("http://127.0.0.1:" + server.httpPort(), agent.token())) {
        ws.await("hello");
        ws.await("agent-state", m -> m.at("/data/state").asText().equals("available"));
        var placed =
            agent.post(
                "/api/v1/simulator/calls", Map.of("from", "+886 2 2345 6789", "talkSeconds", 1));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        String callId = placed.body().get("callId").asText();
        var pop =
            ws.await("screen-pop", m -> m.at("/data/callId").asText().equals(callId)).get("data");
        assertThat(pop.at("/pop/customer/name").asText()).isEqualTo("台灣精密電子股份有限公司");

        // agent1 is free again (the demo rings the first free agent).
        ws.await(
            "call-update",
            m ->
                m.at("/data/callId").asText().equals(callId)
                    && m.at("/data/state").asText().equals("ended"));
        // A call that runs the IVR first (0 = "talk to an agent"): the pop shows its path.
        var viaIvr =
            agent.post(
                "/api/v1/simulator/calls",
                Map.of("from", "0912-345-678", "digits", "0", "talkSeconds", 1));
        assertThat(viaIvr.status()).as(viaIvr.body().toString()).isEqualTo(202);
        String ivrCall = viaIvr.body().get("callId").asText();
        var ivrPop =
            ws.await("screen-pop", m -> m.at("/data/callId").asText().equals(ivrCall)).get("data");
        assertThat(ivrPop.at("/pop/extras/ivr/steps").toString())
            .contains("\"menu\":\"main\",\"input\":\"0\",\"outcome\":\"CHOSE\"");
        assertThat(ivrPop.at("/pop/extras/ivr/queue").asText()).startsWith("support");
      }
      assertThat(anon.get("/api/v1/health").body().at("/components/pbx/status").asText())
          .isEqualTo("UP");
      assertThat(customersBefore).isGreaterThanOrEqualTo(5);
    }
    assertThat(dataDir.resolve("postgres")).isDirectory();
    assertThat(dataDir.resolve("postgres.password"))
        .as("the database password, beside the cluster")
        .isNotEmptyFile();

    try (CallCenterServer again = Main.startDemo(config)) {
      ApiClient agent =
          ApiClient.anonymous("http://127.0.0.1:" + again.httpPort()).login("agent1", "letmein");
      assertThat(agent.get("/api/v1/customers?limit=200").body().get("items").size())
          .as("a restart keeps the data and does not seed twice")
          .isEqualTo((int) customersBefore);
    }
  }
}
