package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

  @Test
  void defaultsComeFromTheDocumentedFile() {
    ServerConfig c = ServerConfig.load(null, Map.of(), Map.of());

    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.http().host()).isEqualTo("127.0.0.1");
    assertThat(c.phoneDefaultRegion()).isEqualTo("TW");
    assertThat(c.database().embedded()).isFalse();
    assertThat(c.database().embeddedDataDir()).isEqualTo(Path.of("data", "postgres"));
    assertThat(c.auth().sessionTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(c.demoPassword()).isEqualTo("demo");
    assertThat(c.helpdeskSettings().orderWorthMinutes()).isEqualTo(120);
  }

  @Test
  void anOrderWorthOutsideItsRangeStopsTheStartWithTheKeysName() {
    for (String minutes : new String[] {"0", "1001"}) {
      assertThatThrownBy(
              () ->
                  ServerConfig.load(
                      null, Map.of("CC_DISPATCH_ORDER_WORTH_MINUTES", minutes), Map.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("dispatch.order-worth-minutes");
    }
    assertThat(
            ServerConfig.load(null, Map.of("CC_DISPATCH_ORDER_WORTH_MINUTES", "90"), Map.of())
                .helpdeskSettings()
                .orderWorthMinutes())
        .isEqualTo(90);
  }

  @Test
  void environmentOverridesFileOverridesDefaults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cc.conf");
    Files.writeString(file, "http.port = 9000\nphone.default-region = CN\n");

    ServerConfig c =
        ServerConfig.load(file, Map.of("CC_HTTP_PORT", "9100", "CC_DATA_DIR", "/srv/cc"), Map.of());

    assertThat(c.http().port()).isEqualTo(9100);
    assertThat(c.phoneDefaultRegion()).isEqualTo("CN");
    assertThat(c.database().embeddedDataDir()).isEqualTo(Path.of("/srv/cc/postgres"));
  }

  @Test
  void everyDocumentedKeyNamesItsEnvironmentVariable() throws Exception {
    String doc = Files.readString(Path.of("..", "config", "callcenter.conf"));
    var config = com.typesafe.config.ConfigFactory.parseString(doc).resolve();
    for (var entry : config.entrySet()) {
      assertThat(doc).as(entry.getKey()).contains("env " + ServerConfig.envName(entry.getKey()));
    }
  }

  @Test
  void unknownKeysInTheFileAreRejectedWithTheirName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cc.conf");
    Files.writeString(file, "http.prot = 9000\n");

    assertThatThrownBy(() -> ServerConfig.load(file, Map.of(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http.prot");
  }

  @Test
  void secretsAreNotInToString() {
    ServerConfig c = ServerConfig.load(null, Map.of("CC_DATABASE_PASSWORD", "hunter2"), Map.of());
    assertThat(c.toString()).doesNotContain("hunter2");
    assertThat(c.database().toString()).doesNotContain("hunter2");
  }
}
