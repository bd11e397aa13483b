package dev.callcenter.helpdesk.assignment;

import java.util.List;

/**
 * What marking a person present or absent did.
 *
 * @param reassigned when absent: each of their open tickets, handed to someone else or queued
 * @param drained when present: the drain of each of their teams' queues
 */
public record PresenceChange(
    long userId, boolean present, List<AssignmentOutcome> reassigned, List<DrainResult> drained) {

  public PresenceChange {
    reassigned = List.copyOf(reassigned);
    drained = List.copyOf(drained);
  }
}
