package dev.callcenter.helpdesk.timeline;

import java.time.Instant;

/**
 * One line of a customer's timeline.
 *
 * @param id the id of the row the entry comes from: interaction, ticket, audit entry or comment, by
 *     {@code kind}
 * @param ticketId the ticket it concerns, null for interactions
 * @param actorId the user who acted (agent, author, editor), null for the system
 * @param summary one short line of text
 */
public record TimelineEntry(
    TimelineKind kind, Instant at, long id, Long ticketId, Long actorId, String summary) {}
