package dev.callcenter.helpdesk.ivr;

import java.time.Instant;
import java.util.List;

/**
 * Everything one caller did in the phone menu, keyed by the call's PBX Linkedid, for the agent's
 * screen pop.
 *
 * @param customerId the identified customer, null while unknown
 * @param language the menu language (zh-TW, en), null before it was chosen
 * @param steps in the order they happened
 * @param ticketId the ticket the caller created (a fault report), null if none
 * @param queue the queue the caller was sent to, null if not sent to an agent
 * @param priority the queue priority set for the caller (higher is served first), null if none
 * @param endedAt when the caller left the menu, null while still in it
 * @param outcome how the caller left the menu, null while still in it
 */
public record IvrJourney(
    String callId,
    Long customerId,
    String callerNumber,
    String language,
    List<IvrStep> steps,
    Long ticketId,
    String queue,
    Integer priority,
    Instant startedAt,
    Instant endedAt,
    IvrOutcome outcome) {

  public IvrJourney {
    steps = List.copyOf(steps);
  }

  /**
   * The menu path as one line of internal notation for logs and tests, never for people: {@code
   * main:2 (CHOSE value=agent) > serial:123 (ENTERED)}.
   */
  public String path() {
    StringBuilder sb = new StringBuilder();
    for (IvrStep s : steps) {
      if (!sb.isEmpty()) {
        sb.append(" > ");
      }
      sb.append(s.menu());
      if (s.input() != null) {
        sb.append(':').append(s.input());
      }
      sb.append(" (").append(s.outcome());
      s.params().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
      sb.append(')');
    }
    return sb.toString();
  }
}
