package dev.callcenter.cti.live;

/**
 * What the live state tells the rest of the server. Called under the state's lock, in event order:
 * implementations must only hand the work off (no I/O, no blocking).
 */
public interface CtiListener {
  /** {@code call} entered a queue: a good moment to prepare its screen pop. */
  default void queued(CallView call) {}

  /** {@code agent}'s phone rings for {@code call}: their screen pop. */
  void ringing(AgentRef agent, CallView call);

  /**
   * {@code agent}'s phone stopped ringing for {@code call}.
   *
   * @param why {@code answered-elsewhere}, {@code no-answer}, {@code abandoned} or {@code hung-up}
   */
  void ringingStopped(AgentRef agent, CallView call, String why);

  /** {@code agent} answered {@code call}. */
  void answered(AgentRef agent, CallView call);

  /**
   * {@code call} is over (every leg hung up, or it vanished while the PBX was away).
   *
   * @param agent who answered it, null when nobody did or the agent is unknown
   */
  void ended(CallView call, AgentRef agent);

  void agentChanged(AgentStatus status);

  void queueChanged(QueueFigures figures);
}
