package dev.callcenter.cti.push;

import java.time.Instant;

/** {@code hello}: the first message on a new socket, saying whose it is. */
@LiveMessage.Type("hello")
public record HelloMessage(Instant at, HelloMessage.Data data) implements LiveMessage {

  /**
   * @param supervisor the user also gets the wallboard messages (supervisors and admins)
   */
  public record Data(long userId, String username, boolean supervisor) {}
}
