package dev.callcenter.helpdesk.sla.clock;

/** Where an SLA target stands at the moment it is measured. */
public enum SlaState {
  /** Not achieved, not paused, target not yet reached. */
  RUNNING,
  /** Not achieved, target not yet reached, and a pause is open at the measurement instant. */
  PAUSED,
  /** Achieved with elapsed business time at most the target. */
  MET,
  /** Achieved after the target, or not achieved and elapsed business time has reached it. */
  BREACHED
}
