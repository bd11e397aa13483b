package dev.callcenter.cti.push;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

/**
 * A message for agents' or supervisors' screens, sent over the WebSocket as {@code
 * {"type":…,"at":…,"data":…}}; every message is a record {@code (Instant at, D data)} whose {@link
 * Type} names it on the wire.
 *
 * <p>To add a message (dispatch orders, reports…): a record here with its {@link Type}, an entry in
 * {@code permits}, and an example under "Message types" in {@code docs/websocket.md} — the contract
 * test fails until the example is there and round-trips.
 */
public sealed interface LiveMessage
    permits HelloMessage,
        PongMessage,
        AgentStateMessage,
        ScreenPopMessage,
        CallUpdateMessage,
        FollowUpMessage,
        QueueStatsMessage,
        SlaEventMessage,
        DispatchOrderMessage,
        ComplaintSpikeMessage {

  /** When the message was produced. */
  Instant at();

  /** The payload, the message's {@code data}. */
  Record data();

  /** The message's {@code type} on the wire. */
  default String type() {
    return typeOf(getClass());
  }

  /** The wire {@code type} of a kind of message. */
  static String typeOf(Class<? extends LiveMessage> kind) {
    Type type = kind.getAnnotation(Type.class);
    if (type == null) {
      throw new IllegalStateException(kind.getName() + " has no @LiveMessage.Type");
    }
    return type.value();
  }

  /** The message's {@code type} on the wire: lower case, words joined by hyphens. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Type {
    String value();
  }
}
