package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.FastAgiConfig;
import java.nio.file.Path;
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
}
