package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Pattern URL = Pattern.compile("running at (http://[^ ]+)");

  @Test
  void thePackagedDemoPopsACallOnTheAgentsWebSocket(@TempDir Path data) throws Exception {
    Path jar = Path.of("target", "callcenter-server.jar");
    Path lib = Path.of("target", "lib");
    assertThat(jar).exists();
    assertThat(
            Files.list(lib).anyMatch(p -> p.getFileName().toString().startsWith("asterisk-java")))
        .isTrue();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java, "-cp", jar + ":" + lib + "/*", "dev.callcenter.server.Main", "demo")
            .redirectErrorStream(true);
    pb.environment()
        .putAll(
            Map.of(
                "CC_DATA_DIR", data.toString(),
                "CC_HTTP_PORT", "0",
                "CC_DEMO_PASSWORD", "packaged",
                "CC_CUSTOMERS_TIER_JOB_INTERVAL", "0s"));
    Process demo = pb.start();
    LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                lines.add("(output ended: " + e + ")");
              }
            });
    try {
      String url = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      StringBuilder seen = new StringBuilder();
      while (url == null) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("the demo did not start within 90 s:\n" + seen);
        }
        seen.append(line).append('\n');
        Matcher m = URL.matcher(line);
        if (m.find()) {
          url = m.group(1);
        }
      }
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
    } finally {
      demo.destroy(); // SIGTERM: the shutdown hook stops the server and its database
      if (!demo.waitFor(30, TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
  }
}
