package dev.callcenter.helpdesk.followup;

import java.time.Instant;

/**
 * A stored follow-up as read at one instant.
 *
 * @param ownerName display name of the owner
 * @param customerName name of the customer, null when attached to a ticket only
 * @param completedAt when it left OPEN (done or cancelled), null while open
 * @param completedBy who completed or cancelled it, null while open
 * @param completionNote what the completer or canceller wrote, if anything
 * @param vip the customer's effective tier is VIP at read time (sorts first among equal due times)
 * @param overdue open and due before the instant it was read at
 * @param title what a person wrote; null for a callback the system created (see {@code kind})
 * @param kind what a follow-up the system created is for, null for people's follow-ups
 * @param params the kind's parameters (string values), null without a kind
 */
public record FollowUp(
    long id,
    String title,
    String note,
    Instant dueAt,
    long ownerId,
    String ownerName,
    String team,
    Long customerId,
    String customerName,
    Long ticketId,
    FollowUpStatus status,
    Long createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    Long completedBy,
    String completionNote,
    boolean vip,
    boolean overdue,
    FollowUpKind kind,
    java.util.Map<String, String> params) {

  public FollowUp {
    params =
        kind == null ? null : params == null ? java.util.Map.of() : java.util.Map.copyOf(params);
  }
}
