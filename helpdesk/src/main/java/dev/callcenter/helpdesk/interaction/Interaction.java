package dev.callcenter.helpdesk.interaction;

import java.time.Instant;

/**
 * A recorded contact with a customer.
 *
 * @param summary what the agent wrote; null for what the system recorded since issue 13 (older
 *     system rows keep their English text)
 * @param event why the system recorded it, null when a person did
 * @param eventParams the event's parameters (string values), null without an event
 */
public record Interaction(
    long id,
    Long customerId,
    Channel channel,
    Direction direction,
    Instant startedAt,
    Instant endedAt,
    Long agentId,
    String agentName,
    String summary,
    CallDetails call,
    Instant createdAt,
    InteractionEvent event,
    java.util.Map<String, String> eventParams) {

  public Interaction {
    eventParams =
        event == null
            ? null
            : eventParams == null ? java.util.Map.of() : java.util.Map.copyOf(eventParams);
  }
}
