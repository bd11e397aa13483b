package dev.callcenter.pbxsim.scenario;

/** Who ends an answered queue call: the {@code Reason} of {@code AgentComplete}. */
public enum HangupBy {
  CALLER("caller"),
  AGENT("agent");

  private final String reason;

  HangupBy(String reason) {
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
