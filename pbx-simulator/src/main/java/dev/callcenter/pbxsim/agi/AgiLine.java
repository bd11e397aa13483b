package dev.callcenter.pbxsim.agi;

/** One line of an AGI session after the environment, in wire order. */
public sealed interface AgiLine {
  String text();

  /** A command line the AGI server sent. */
  record Received(String text) implements AgiLine {}

  /** A line the simulated Asterisk sent: a reply line or an unsolicited {@code HANGUP}. */
  record Sent(String text) implements AgiLine {}
}
