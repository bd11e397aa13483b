package dev.callcenter.server.asterisk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What the tests against a real Asterisk need on the machine: the Asterisk 22 build unpacked at
 * {@code /opt/asterisk22}, Debian's core sounds and sipp ({@code sip-tester}), and root for sipp's
 * RFC 4733 playback (raw sockets). Without them the tests are skipped with a message, except under
 * CI ({@code CI=true}, set by {@code .ci/run}, which installs them), where that is a failure.
 */
final class RealPbx {

  static final Path HOME = Path.of("/opt/asterisk22");
  static final Path ASTERISK = HOME.resolve("sbin/asterisk");
  static final Path MODULES = HOME.resolve("lib/asterisk/modules");
  static final Path BASE_CONFIG = HOME.resolve("etc/asterisk");
  static final Path DOCUMENTATION = HOME.resolve("var/lib/asterisk/documentation");

  /** Debian's asterisk-core-sounds-en-gsm: digits, letters and the prompts Asterisk says. */
  static final Path CORE_SOUNDS_EN = Path.of("/usr/share/asterisk/sounds/en_US_f_Allison");

  static final Path SIPP = Path.of("/usr/bin/sipp");

  private RealPbx() {}

  /** Skips the calling test class (or fails it under CI) when anything is missing. */
  static void assumeInstalled() {
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
    if (missing.isEmpty()) {
      return;
    }
    String message = "Real-Asterisk tests need " + String.join(", ", missing) + "; .ci/run does it";
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(message);
    }
    Assumptions.assumeTrue(false, "Skipped: " + message);
  }
}
