package dev.callcenter.helpdesk.ivr;

/** How a caller left the phone menu. */
public enum IvrOutcome {
  /** Returned to the dialplan to queue for an agent. */
  AGENT,
  /** Left a callback request instead of waiting. */
  CALLBACK,
  /** Served by the menu and said goodbye. */
  COMPLETED,
  /** Hung up in the menu. */
  HUNG_UP
}
