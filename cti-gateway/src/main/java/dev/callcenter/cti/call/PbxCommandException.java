package dev.callcenter.cti.call;

/**
 * The PBX did not carry out a command.
 *
 * @param reason {@code rejected} (the PBX answered with an error), {@code unavailable} (not
 *     connected) or {@code timeout} (no answer in time)
 */
public final class PbxCommandException extends RuntimeException {
  private final String action;
  private final String reason;

  public PbxCommandException(String action, String reason, String message) {
    super(message);
    this.action = action;
    this.reason = reason;
  }

  public String action() {
    return action;
  }

  public String reason() {
    return reason;
  }
}
