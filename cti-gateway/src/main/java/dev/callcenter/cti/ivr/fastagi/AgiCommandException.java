package dev.callcenter.cti.ivr.fastagi;

import java.util.List;

/**
 * Asterisk rejected a command: {@code 510} (unknown command) or {@code 520} (bad syntax, with the
 * usage text). A bug in the script or a PBX without that command; the channel is still up.
 */
public final class AgiCommandException extends AgiException {
  private final int code;
  private final List<String> lines;

  public AgiCommandException(String command, int code, List<String> lines) {
    super("Asterisk answered " + code + " to '" + command + "': " + String.join(" | ", lines));
    this.code = code;
    this.lines = List.copyOf(lines);
  }

  public int code() {
    return code;
  }

  /** The reply lines as received. */
  public List<String> lines() {
    return lines;
  }
}
