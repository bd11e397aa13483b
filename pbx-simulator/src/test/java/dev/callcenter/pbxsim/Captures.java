package dev.callcenter.pbxsim;

import dev.callcenter.pbxsim.ami.AmiMessage;
import dev.callcenter.pbxsim.replay.RawCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real Asterisk 22 captures kept under {@code src/test/resources/captures}. */
final class Captures {
  private Captures() {}

  static RawCapture load(String name) throws Exception {
    return RawCapture.load(Path.of(Captures.class.getResource("/captures/" + name).toURI()));
  }

  /** The packets after the login response. */
  static List<AmiMessage> packets(String name) throws Exception {
    String text = new String(load(name).afterLogin(), StandardCharsets.UTF_8);
    List<AmiMessage> packets = new ArrayList<>();
    for (String block : text.split("\r\n\r\n")) {
      List<AmiMessage.Field> fields = new ArrayList<>();
      for (String line : block.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          fields.add(
              new AmiMessage.Field(
                  line.substring(0, colon), line.substring(colon + 1).stripLeading()));
        }
      }
      if (!fields.isEmpty()) {
        packets.add(new AmiMessage(fields));
      }
    }
    return packets;
  }

  /** The keys of the first event named {@code event} in a capture, in order. */
  static List<String> keysOfFirst(String capture, String event) throws Exception {
    return packets(capture).stream()
        .filter(p -> p.event().equals(event))
        .findFirst()
        .map(Captures::keys)
        .orElseThrow(() -> new AssertionError(event + " not in " + capture));
  }

  static List<String> keys(AmiMessage m) {
    return m.fields().stream().map(AmiMessage.Field::key).toList();
  }
}
