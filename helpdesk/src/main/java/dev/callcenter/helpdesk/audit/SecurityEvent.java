package dev.callcenter.helpdesk.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the security audit trail.
 *
 * @param actorId who did it (null for an anonymous or failed login)
 * @param actorUsername the name they acted under, as typed for a failed login
 * @param subjectId whose account it concerned, when not the actor's own
 * @param address the client address the request came from (after trusted proxies)
 * @param detail codes and values, never secrets (for example the new roles)
 */
public record SecurityEvent(
    long id,
    Instant occurredAt,
    SecurityEventKind kind,
    Long actorId,
    String actorUsername,
    Long subjectId,
    String subjectUsername,
    String address,
    Map<String, String> detail) {

  public SecurityEvent {
    detail = Map.copyOf(detail);
  }
}
