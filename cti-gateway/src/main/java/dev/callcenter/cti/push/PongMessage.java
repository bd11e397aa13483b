package dev.callcenter.cti.push;

import java.time.Instant;

/** {@code pong}: the answer to a client's {@code {"type":"ping"}}. */
@LiveMessage.Type("pong")
public record PongMessage(Instant at, PongMessage.Data data) implements LiveMessage {

  public PongMessage(Instant at) {
    this(at, new Data());
  }

  /** Nothing: {@code {}}. */
  public record Data() {}
}
