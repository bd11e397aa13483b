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
   * {@code agent}'s part of the call is over: when the call ends, or earlier when the agent
   * transferred it and their channel left the call. Comes once per answer, before {@link #ended}.
   *
   * @param leg the call as this agent had it: their queue, answer, talk time, hold and end
   */
  void legEnded(AgentRef agent, CallView leg);

  /**
   * {@code call} is over (every leg hung up, or it vanished while the PBX was away).
   *
   * @param call the last agent's part when anyone answered it ({@link CallView#answered()}), else
   *     the unanswered call
   */
  void ended(CallView call);

  void agentChanged(AgentStatus status);

  void queueChanged(QueueFigures figures);
}
