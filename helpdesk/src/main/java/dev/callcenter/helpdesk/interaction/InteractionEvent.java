package dev.callcenter.helpdesk.interaction;

/**
 * Why the system recorded an interaction; the page words it in the user's language from this code,
 * the call's columns (queue, wait and talk seconds) and the event's parameters. Interactions people
 * record have no event, only their own summary.
 */
public enum InteractionEvent {
  /**
   * A queue call an agent answered; parameters {@code transferredFromId}, {@code
   * transferredFromName} and {@code transferredFromQueue} when another agent transferred it.
   */
  ANSWERED,
  /** The caller hung up in the queue before anyone answered. */
  ABANDONED,
  /** The call left the queue unanswered (timeout, no agents). */
  UNANSWERED,
  /** The caller used the phone menu; parameter {@code outcome} (an IvrOutcome) when known. */
  IVR,
  /**
   * A follow-up was chased and marked done; parameters {@code followUpId} and either {@code title}
   * (a person's follow-up) or {@code followUpKind} (a callback the system created). The
   * interaction's summary is the completion note, if any.
   */
  FOLLOW_UP_DONE
}
