package dev.callcenter.server.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.DemoProcess;
import dev.callcenter.server.WsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's path for a newcomer with an Asterisk, as they would take it: the project's sample
 * Asterisk configuration (addresses, ports and secrets filled in), the packaged {@code
 * bin/callcenter demo --pbx asterisk} in its own JVM configured only by {@code CC_} variables,
 * agent1's phone registered, agent1 logs in at the desk's API and goes available, a demo customer
 * calls the queue's number, and agent1's screen pops with that customer.
 */
class DemoOnRealAsteriskIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theDemoOnARealAsteriskPopsADemoCustomersCallOnAgent1() throws Exception {
    RealPbxStage.assumeInstalled();
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path dir =
        Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "real-pbx")), "demo-" + stamp + "-")
            .toAbsolutePath();
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      String secret = "ami-" + UUID.randomUUID();
      int amiPort = Sipp.freeTcpPort();
      int agiPort = Sipp.freeTcpPort();
      int sipPort = Sipp.freeUdpPort(RealPbxStage.PHONE_HOST);
      String pbxAddress = RealPbxStage.PHONE_HOST + ":" + sipPort;
      SipPhone customer =
          push(started, SipPhone.start(dir, "customer", RealPbxStage.TRUNK_HOST, pbxAddress));
      Map<String, String> passwords =
          Map.of("1001", "pw-" + UUID.randomUUID(), "1002", "pw-" + UUID.randomUUID());
      Asterisk pbx =
          push(
              started,
              Asterisk.start(
                  dir,
                  new Asterisk.Settings(
                      sipPort, amiPort, secret, agiPort, customer.address(), passwords, Map.of())));
      SipPhone phone = push(started, SipPhone.start(dir, "phone-1001", "127.0.0.1", pbxAddress));
      phone.register("1001", passwords.get("1001"));
      phone.behave(Duration.ofSeconds(1), Duration.ofSeconds(60));

      DemoProcess demo =
          push(
              started,
              DemoProcess.start(
                  Map.of(
                      "CC_DATA_DIR",
                      dir.resolve("data").toString(),
                      "CC_HTTP_PORT",
                      "0",
                      "CC_DEMO_PASSWORD",
                      "newcomer",
                      "CC_CTI_AMI_PORT",
                      Integer.toString(amiPort),
                      "CC_CTI_AMI_SECRET",
                      secret,
                      "CC_IVR_PORT",
                      Integer.toString(agiPort),
                      "CC_KB_MODELS_ENABLED",
                      "false",
                      "CC_CUSTOMERS_TIER_JOB_INTERVAL",
                      "0s"),
                  "demo",
                  "--pbx",
                  "asterisk"));
      String url = demo.awaitUrl(Duration.ofSeconds(120));
      demo.awaitLine(Pattern.compile("Asterisk: AMI at 127\\.0\\.0\\.1:" + amiPort), WAIT);
      RealPbxStage.await(
          () -> "the demo's PBX link up: " + health(url),
          WAIT,
          () -> health(url).at("/components/pbx/status").asText().equals("UP"));

      ApiClient agent = ApiClient.anonymous(url).login("agent1", "newcomer");
      try (WsClient ws = WsClient.connect(url, agent.token())) {
        ws.await("hello");
        var joined = agent.put("/api/v1/agents/me/state", Map.of("state", "available"));
        assertThat(joined.status()).as(joined.body().toString()).isEqualTo(200);
        RealPbxStage.await(
            () -> "agent1 in Asterisk's support queue:\n" + pbx.cli("queue show support"),
            WAIT,
            () -> pbx.cli("queue show support").contains("(PJSIP/1001)"));

        // 陳志明, the demo's VIP, calls the number that goes straight to the support queue
        try (SipCall call =
            SipCall.from("0912345678", "Chen")
                .hangUpAfter(Duration.ofSeconds(6))
                .dial(dir, pbxAddress, RealPbxStage.TRUNK_HOST, "200")) {
          JsonNode pop = ws.await("screen-pop", m -> true, WAIT).at("/data/pop");
          assertThat(pop.path("lookup").asText()).as(pop.toString()).isEqualTo("KNOWN");
          assertThat(pop.at("/customer/name").asText()).isEqualTo("陳志明");
          assertThat(pop.path("queue").asText()).isEqualTo("support");
          ws.await("call-update", m -> m.at("/data/state").asText().equals("answered"), WAIT);
          ws.await("call-update", m -> m.at("/data/state").asText().equals("ended"), WAIT);
          call.awaitCompleted(WAIT);
        }
      }
    } finally {
      while (!started.isEmpty()) {
        started.pop().close();
      }
    }
  }

  private static JsonNode health(String url) {
    return ApiClient.anonymous(url).get("/api/v1/health").body();
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> started, T part) {
    started.push(part);
    return part;
  }
}
