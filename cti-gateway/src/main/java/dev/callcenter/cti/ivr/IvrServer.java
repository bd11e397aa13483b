package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.FastAgiServer;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.IvrMenusLoader;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;

/**
 * The IVR as one startable piece: reads and validates the menus, then serves the FastAGI scripts
 * {@code ivr} and {@code survey} (and nothing else) to the configured PBX addresses.
 */
public final class IvrServer implements AutoCloseable {

  private final FastAgiServer agi;
  private final Backend backend;

  private IvrServer(FastAgiServer agi, Backend backend) {
    this.agi = agi;
    this.backend = backend;
  }

  /**
   * Starts the IVR.
   *
   * @throws dev.callcenter.cti.ivr.menu.IvrConfigException when the menus file is invalid, naming
   *     every bad key
   */
  public static IvrServer start(IvrConfig config, IvrServices services, Clock clock) {
    return start(config, IvrMenusLoader.load(config.menusFile()), services, clock);
  }

  /** Starts the IVR with menus already read. */
  public static IvrServer start(
      IvrConfig config, IvrMenus menus, IvrServices services, Clock clock) {
    Backend backend = new Backend(menus.backendTimeout());
    try {
      FastAgiServer agi =
          FastAgiServer.start(
              config.agi(),
              Map.of(
                  "ivr", new IvrScript(menus, services, backend, clock),
                  "survey", new SurveyScript(menus, services, backend, clock)));
      return new IvrServer(agi, backend);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  public InetSocketAddress address() {
    return agi.address();
  }

  public int port() {
    return agi.port();
  }

  /** FastAGI sessions served so far. */
  public long served() {
    return agi.served();
  }

  /** FastAGI connections refused because the peer is not an allowed PBX. */
  public long refused() {
    return agi.refused();
  }

  @Override
  public void close() {
    agi.close();
    backend.close();
  }
}
