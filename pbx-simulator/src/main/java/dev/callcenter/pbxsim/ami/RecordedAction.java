package dev.callcenter.pbxsim.ami;

import java.time.Instant;

/**
 * One action a client sent, as received (secrets masked), for tests to inspect like Wazo's {@code
 * /_requests}.
 *
 * @param session number of the connection it came on, from 1
 */
public record RecordedAction(long session, Instant receivedAt, AmiMessage packet) {

  public String name() {
    return packet.action();
  }

  public String header(String key) {
    return packet.getOrEmpty(key);
  }
}
