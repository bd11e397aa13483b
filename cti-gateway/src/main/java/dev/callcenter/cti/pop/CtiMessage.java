package dev.callcenter.cti.pop;

import java.time.Instant;

/**
 * A message for an agent's or a supervisor's screen, sent over the WebSocket as {@code
 * {"type":…,"at":…,"data":…}}.
 *
 * @param type {@code screen-pop}, {@code call-update}, {@code agent-state}, {@code queue-stats}…
 */
public record CtiMessage(String type, Instant at, Object data) {}
