package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** Health says why the PBX link is not up, so an operator can fix it without reading logs. */
class PbxHealthTest {

  @Test
  void aWrongAmiSecretIsNamedInTheHealthReportAndTheCtiStatus() {
    try (PbxSimulator sim =
            PbxSimulator.start(AmiConfig.defaults().withCredentials("cti", "the-real-secret"));
        TestServer server =
            TestServer.start(
                Map.of(
                    "cti.enabled", "true",
                    "cti.ami.port", Integer.toString(sim.amiPort()),
                    "cti.ami.username", "cti",
                    "cti.ami.secret", "a-wrong-secret",
                    "cti.ami.reconnect-min", "100ms",
                    "cti.ami.reconnect-max", "500ms"),
                Clock.systemUTC())) {
      JsonNode pbx = awaitReason(server);

      assertThat(pbx.get("status").asText()).isEqualTo("CONNECTING");
      assertThat(pbx.get("reason").asText()).isEqualTo("authentication_failed");
      assertThat(pbx.get("failedAt").asText()).isNotBlank();
      assertThat(pbx.toString()).doesNotContain("a-wrong-secret");
      JsonNode status = server.as("supervisor1").get("/api/v1/cti/status").body();
      assertThat(status.get("lastFailure").asText()).isEqualTo("authentication_failed");
    }
  }

  private static JsonNode awaitReason(TestServer server) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      JsonNode health = server.anonymous().get("/api/v1/health").body();
      JsonNode pbx = health.at("/components/pbx");
      if (pbx.has("reason") || System.nanoTime() > deadline) {
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        return pbx;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }
}
