package dev.callcenter.cti.live;

import java.util.Locale;

/** Where an agent stands, derived from the PBX's queue events. */
public enum AgentState {
  /** In no queue. */
  LOGGED_OUT,
  /** In queues, not paused, free. */
  AVAILABLE,
  /** Paused in every queue (with a reason). */
  PAUSED,
  /** A queue call is ringing their phone. */
  RINGING,
  /** Talking on a queue call. */
  ON_CALL,
  /** After a call, for the configured wrap-up time. */
  WRAP_UP;

  /** The JSON name: {@code logged-out}, {@code on-call}… */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a JSON name; null when unknown. */
  public static AgentState fromWire(String name) {
    for (AgentState s : values()) {
      if (s.wireName().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
