package dev.callcenter.helpdesk.interaction;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.Instant;

/**
 * A contact to record on a customer's timeline. {@code startedAt} defaults to now (set by the
 * service); the agent is the authenticated user unless a system component records it.
 */
public record InteractionDraft(
    Long customerId,
    Channel channel,
    Direction direction,
    Instant startedAt,
    Instant endedAt,
    String summary,
    CallDetails call) {

  public InteractionDraft {
    Fields.notNull("channel", channel);
    direction = direction == null ? defaultDirection(channel) : direction;
    summary = Fields.optional("summary", summary, 10_000);
    if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
      throw new ValidationException("endedAt", "must not be before startedAt");
    }
  }

  private static Direction defaultDirection(Channel channel) {
    return switch (channel) {
      case PHONE_IN, EMAIL, FAX, WEB, CHAT -> Direction.INBOUND;
      case PHONE_OUT, VISIT -> Direction.OUTBOUND;
      case NOTE -> Direction.INTERNAL;
    };
  }
}
