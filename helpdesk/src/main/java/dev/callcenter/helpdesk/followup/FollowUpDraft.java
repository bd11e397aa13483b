package dev.callcenter.helpdesk.followup;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.Instant;

/**
 * What a client sends to create a follow-up: a reminder for {@code ownerId} to chase a customer's
 * or a ticket's matter by {@code dueAt}.
 *
 * @param team optional key of the team that shares the owner's overdue list (e.g. {@code billing})
 * @param customerId the customer the matter is about; this or {@code ticketId} is required
 * @param ticketId the ticket the matter is about; this or {@code customerId} is required
 */
public record FollowUpDraft(
    String title,
    String note,
    Instant dueAt,
    Long ownerId,
    String team,
    Long customerId,
    Long ticketId) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_NOTE = 5000;

  public FollowUpDraft {
    title = Fields.required("title", title, MAX_TITLE);
    note = Fields.optional("note", note, MAX_NOTE);
    Fields.inRange("dueAt", Fields.notNull("dueAt", dueAt));
    Fields.positive("ownerId", Fields.notNull("ownerId", ownerId));
    team = Fields.optional("team", team, 64);
    if (customerId != null) {
      Fields.positive("customerId", customerId);
    }
    if (ticketId != null) {
      Fields.positive("ticketId", ticketId);
    }
    if (customerId == null && ticketId == null) {
      throw new ValidationException(
          "customerId", "a follow-up must be attached to a customer or a ticket (or both)");
    }
  }
}
