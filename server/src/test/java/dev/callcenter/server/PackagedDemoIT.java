package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution ({@code callcenter-server.jar} + {@code lib/}, as {@code
 * bin/callcenter} runs it) in its own JVM: the demo starts, and a simulated call pops on agent1's
 * WebSocket. This is the check that Asterisk-Java still recognises every AMI event the gateway
 * needs outside the build's class directories (its classpath scan can miss them in packaged jars;
 * the gateway registers them explicitly).
 */
class PackagedDemoIT {
  @Test
  void thePackagedDemoPopsACallOnTheAgentsWebSocket(@TempDir Path data) throws Exception {
    Path lib = Path.of("target", "lib");
    assertThat(
            Files.list(lib).anyMatch(p -> p.getFileName().toString().startsWith("asterisk-java")))
        .isTrue();
    try (DemoProcess demo =
        DemoProcess.start(
            Map.of(
                "CC_DATA_DIR", data.toString(),
                "CC_HTTP_PORT", "0",
                "CC_DEMO_PASSWORD", "packaged",
                "CC_CUSTOMERS_TIER_JOB_INTERVAL", "0s"),
            "demo")) {
      String url = demo.awaitUrl(Duration.ofSeconds(90));
      ApiClient agent = ApiClient.anonymous(url).login("agent1", "packaged");
      try (WsClient ws = WsClient.connect(url, agent.token())) {
        ws.await("hello");
        var placed =
            agent.post(
                "/api/v1/simulator/calls", Map.of("from", "+886223456789", "talkSeconds", 1));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        String callId = placed.body().get("callId").asText();
        var pop = ws.await("screen-pop", m -> m.at("/data/callId").asText().equals(callId));
        assertThat(pop.at("/data/pop/lookup").asText()).isEqualTo("KNOWN");
        ws.await(
            "call-update",
            m ->
                m.at("/data/callId").asText().equals(callId)
                    && m.at("/data/state").asText().equals("answered"));
      }
    }
  }
}
