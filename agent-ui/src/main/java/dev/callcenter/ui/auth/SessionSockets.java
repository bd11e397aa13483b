package dev.callcenter.ui.auth;

/** Closes the live connections (WebSockets) of sessions that have ended on this node. */
public interface SessionSockets {

  /** The session with this token ended (logout). */
  void sessionEnded(String token);

  /** Every session of the user ended, but the one with {@code keepToken} (may be null). */
  void userSessionsEnded(long userId, String keepToken);
}
