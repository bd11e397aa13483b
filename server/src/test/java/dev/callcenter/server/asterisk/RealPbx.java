package dev.callcenter.server.asterisk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the tests and the benchmark against a real Asterisk need on the machine: the Asterisk 22
 * build unpacked at {@code /opt/asterisk22}, Debian's core sounds and sipp ({@code sip-tester}),
 * and root for sipp's RFC 4733 playback (raw sockets).
 */
public final class RealPbx {

  public static final Path HOME = Path.of("/opt/asterisk22");
  public static final Path ASTERISK = HOME.resolve("sbin/asterisk");
  public static final Path MODULES = HOME.resolve("lib/asterisk/modules");
  public static final Path BASE_CONFIG = HOME.resolve("etc/asterisk");
  public static final Path DOCUMENTATION = HOME.resolve("var/lib/asterisk/documentation");

  /** Debian's asterisk-core-sounds-en-gsm: digits, letters and the prompts Asterisk says. */
  public static final Path CORE_SOUNDS_EN = Path.of("/usr/share/asterisk/sounds/en_US_f_Allison");

  public static final Path SIPP = Path.of("/usr/bin/sipp");

  private RealPbx() {}

  /** What is missing on this machine, with how to get it; empty when all is there. */
  public static List<String> missing() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(ASTERISK)) {
      missing.add(ASTERISK + " (unpack ../shared/asterisk/asterisk-22.10.1-*.tar.gz at /opt)");
    }
    if (!Files.isDirectory(CORE_SOUNDS_EN)) {
      missing.add(CORE_SOUNDS_EN + " (apt-get install asterisk-core-sounds-en-gsm)");
    }
    if (!Files.isExecutable(SIPP)) {
      missing.add(SIPP + " (apt-get install sip-tester)");
    }
    if (!"root".equals(ProcessHandle.current().info().user().orElse(""))) {
      missing.add("root (sipp plays RFC 4733 DTMF through a raw socket)");
    }
    return missing;
  }
}
