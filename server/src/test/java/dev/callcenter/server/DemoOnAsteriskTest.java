package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/callcenter demo --pbx asterisk}: the demo's data and users on the embedded database,
 * against the Asterisk named by cti.ami.* (here the simulator speaking real AMI) with the demo
 * agents' phones and queues of the sample config.
 */
class DemoOnAsteriskTest {

  @Test
  void theDemoConnectsToTheConfiguredAsteriskWithTheDemoAgentsPhones(@TempDir Path dataDir)
      throws Exception {
    try (PbxSimulator asterisk =
        PbxSimulator.start(AmiConfig.defaults().withCredentials("callcenter", "ami-secret"))) {
      for (String queue : DemoPbx.QUEUES) {
        asterisk.pbx().addQueue(queue);
      }
      Map<String, String> env =
          Map.of(
              "CC_DATA_DIR", dataDir.toString(),
              "CC_HTTP_PORT", "0",
              "CC_IVR_PORT", "0",
              "CC_DEMO_PASSWORD", "letmein",
              "CC_CTI_AMI_PORT", Integer.toString(asterisk.amiPort()),
              "CC_CTI_AMI_USERNAME", "callcenter",
              "CC_CTI_AMI_SECRET", "ami-secret",
              "CC_KB_MODELS_ENABLED", "false");
      ServerConfig config = Main.asteriskDemoConfig(null, env);
      assertThat(config.database().embedded()).isTrue();

      try (CallCenterServer server = Main.startDemoOnAsterisk(config)) {
        String base = "http://127.0.0.1:" + server.httpPort();
        assertThat(server.ivr().port()).isPositive();
        assertThat(asterisk.actions().awaitNamed("QueueStatus", Duration.ofSeconds(10)))
            .as("the gateway logged in to the configured AMI and read the queues")
            .isPresent();
        ApiClient agent = ApiClient.anonymous(base).login("agent1", "letmein");

        var joined = agent.put("/api/v1/agents/me/state", Map.of("state", "available"));

        assertThat(joined.status()).as(joined.body().toString()).isEqualTo(200);
        assertThat(joined.body().get("agentInterface").asText()).isEqualTo("PJSIP/1001");
        for (String queue : DemoPbx.QUEUES) {
          assertThat(asterisk.pbx().member(queue, "PJSIP/1001")).as(queue).isPresent();
        }
        assertThat(
                ApiClient.anonymous(base)
                    .get("/api/v1/health")
                    .body()
                    .at("/components/pbx/status")
                    .asText())
            .isEqualTo("UP");
      }
    }
  }
}
