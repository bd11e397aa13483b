package dev.callcenter.cti.ivr;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import dev.callcenter.cti.ivr.fastagi.FastAgiConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the IVR.
 *
 * @param agi where the FastAGI server listens and which PBX addresses it serves
 * @param menusFile the menus file, {@code config/ivr-menus.conf} by default
 */
public record IvrConfig(FastAgiConfig agi, Path menusFile) {

  public static final Path DEFAULT_MENUS = Path.of("config", "ivr-menus.conf");

  public IvrConfig {
    Objects.requireNonNull(agi, "agi");
    Objects.requireNonNull(menusFile, "menusFile");
  }

  public static IvrConfig defaults() {
    return new IvrConfig(FastAgiConfig.defaults(), DEFAULT_MENUS);
  }

  /**
   * Reads the server configuration's {@code ivr} section; every key is optional and defaults as in
   * {@link #defaults()}:
   *
   * <pre>
   * ivr {
   *   host = "127.0.0.1"                   # CC_IVR_HOST: the address Asterisk connects to
   *   port = 4573                          # CC_IVR_PORT
   *   allowed-peers = ["127.0.0.1", "::1"] # CC_IVR_ALLOWED_PEERS (comma-separated): PBX addresses
   *   read-timeout = 5m                    # CC_IVR_READ_TIMEOUT
   *   backlog = 1024                       # CC_IVR_BACKLOG
   *   menus = "config/ivr-menus.conf"      # CC_IVR_MENUS
   * }
   * </pre>
   */
  public static IvrConfig from(Config ivr) {
    FastAgiConfig d = FastAgiConfig.defaults();
    List<String> peers = d.allowedPeers();
    if (ivr.hasPath("allowed-peers")) {
      peers =
          ivr.getValue("allowed-peers").valueType() == ConfigValueType.LIST
              ? ivr.getStringList("allowed-peers")
              : Arrays.stream(ivr.getString("allowed-peers").split(","))
                  .map(String::strip)
                  .filter(s -> !s.isEmpty())
                  .toList();
    }
    return new IvrConfig(
        new FastAgiConfig(
            ivr.hasPath("host") ? ivr.getString("host") : d.host(),
            ivr.hasPath("port") ? ivr.getInt("port") : d.port(),
            peers,
            ivr.hasPath("read-timeout") ? ivr.getDuration("read-timeout") : d.readTimeout(),
            ivr.hasPath("backlog") ? ivr.getInt("backlog") : d.backlog()),
        ivr.hasPath("menus") ? Path.of(ivr.getString("menus")) : DEFAULT_MENUS);
  }
}
