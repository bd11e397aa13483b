package dev.callcenter.helpdesk.assignment;

/** The outcome of choosing an assignee, with the reason recorded on the ticket. */
public sealed interface AssignmentDecision {

  String reason();

  /** The ticket goes to this member. */
  record Assign(long userId, String username, String reason) implements AssignmentDecision {}

  /** Nobody suitable now: the ticket waits in the team queue. */
  record Wait(String reason) implements AssignmentDecision {}
}
