package dev.callcenter.helpdesk.followup;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.Params;
import java.time.Instant;
import java.util.Map;

/**
 * A follow-up the system creates for a callback: a kind and parameters instead of an English title.
 *
 * @param params checked by {@link Params#of}
 * @param team the queue or team whose overdue list shares it, optional
 */
public record CallbackDraft(
    FollowUpKind kind,
    Map<String, String> params,
    Instant dueAt,
    long ownerId,
    String team,
    long customerId,
    Long ticketId) {

  public CallbackDraft {
    Fields.notNull("kind", kind);
    params = Params.of("params", params);
    Fields.inRange("dueAt", Fields.notNull("dueAt", dueAt));
    Fields.positive("ownerId", ownerId);
    Fields.positive("customerId", customerId);
    team = Fields.optional("team", team, 64);
    if (ticketId != null) {
      Fields.positive("ticketId", ticketId);
    }
  }
}
