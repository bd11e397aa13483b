package dev.callcenter.cti.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IvrConfigTest {

  @Test
  void anEmptySectionMeansLoopback4573ServingOnlyTheLocalPbx() {
    IvrConfig c = IvrConfig.from(ConfigFactory.empty());

    assertThat(c).isEqualTo(IvrConfig.defaults());
    assertThat(c.agi().host()).isEqualTo("127.0.0.1");
    assertThat(c.agi().port()).isEqualTo(4573);
    assertThat(c.agi().allowedPeers()).containsExactly("127.0.0.1", "::1");
    assertThat(c.menusFile()).isEqualTo(Path.of("config", "ivr-menus.conf"));
  }

  @Test
  void everyKeyIsRead() {
    IvrConfig c =
        IvrConfig.from(
            ConfigFactory.parseString(
                """
                host = "10.0.0.5", port = 14573, allowed-peers = ["10.0.0.9"]
                read-timeout = 90s, backlog = 4096, menus = "/etc/callcenter/ivr-menus.conf"
                """));

    assertThat(c.agi().host()).isEqualTo("10.0.0.5");
    assertThat(c.agi().port()).isEqualTo(14573);
    assertThat(c.agi().allowedPeers()).containsExactly("10.0.0.9");
    assertThat(c.agi().readTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.agi().backlog()).isEqualTo(4096);
    assertThat(c.menusFile()).isEqualTo(Path.of("/etc/callcenter/ivr-menus.conf"));
  }

  @Test
  void peersFromAnEnvironmentVariableAreCommaSeparated() {
    IvrConfig c =
        IvrConfig.from(ConfigFactory.parseString("allowed-peers = \"10.0.0.9, 10.0.0.10\""));

    assertThat(c.agi().allowedPeers()).containsExactly("10.0.0.9", "10.0.0.10");
    assertThatThrownBy(() -> IvrConfig.from(ConfigFactory.parseString("allowed-peers = \"\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowedPeers is empty");
  }
}
