package dev.callcenter.helpdesk.timeline;

import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.InteractionEvent;
import dev.callcenter.helpdesk.ticket.AuditField;
import dev.callcenter.helpdesk.ticket.CommentVisibility;
import dev.callcenter.helpdesk.ticket.TicketType;
import java.time.Instant;
import java.util.Map;

/**
 * One line of a customer's timeline, as data: codes, numbers and names the page words in the user's
 * language, and the text people wrote. Exactly one of {@code interaction}, {@code ticket}, {@code
 * change} and {@code comment} is set, by {@code kind}.
 *
 * @param id the id of the row the entry comes from: interaction, ticket, audit entry or comment, by
 *     {@code kind}
 * @param ticketId the ticket it concerns, null for interactions
 * @param actorId the user who acted (agent, author, editor), null for the system
 * @param actorName that user's display name
 */
public record TimelineEntry(
    TimelineKind kind,
    Instant at,
    long id,
    Long ticketId,
    Long actorId,
    String actorName,
    Contact interaction,
    Opened ticket,
    Change change,
    Note comment) {

  /**
   * A contact ({@link TimelineKind#INTERACTION}).
   *
   * @param event why the system recorded it, null when a person did
   * @param params the event's parameters, see {@link InteractionEvent}
   * @param answered for queue calls the system logged: whether an agent answered; else null
   * @param summary what a person wrote (at most 140 characters, whitespace collapsed); rows the
   *     system wrote before issue 13 hold English text here, shown as written
   */
  public record Contact(
      Channel channel,
      Direction direction,
      InteractionEvent event,
      Map<String, String> params,
      String queue,
      Integer waitSeconds,
      Integer talkSeconds,
      Boolean answered,
      String summary) {}

  /**
   * A ticket was opened ({@link TimelineKind#TICKET_CREATED}).
   *
   * @param title what a person (or the IVR's fault report) titled it, at most 140 characters
   */
  public record Opened(TicketType type, String title) {}

  /**
   * A ticket field changed ({@link TimelineKind#TICKET_CHANGE}): raw values as the audit trail
   * holds them (status and priority codes, user ids, text at most 60 characters).
   *
   * @param oldName for {@code ASSIGNEE}: the display name of the user {@code oldValue} names
   * @param newName for {@code ASSIGNEE}: the display name of the user {@code newValue} names
   */
  public record Change(
      AuditField field, String oldValue, String newValue, String oldName, String newName) {}

  /**
   * A comment on a ticket ({@link TimelineKind#COMMENT}).
   *
   * @param body what the author wrote, at most 140 characters, whitespace collapsed
   */
  public record Note(CommentVisibility visibility, String body) {}
}
