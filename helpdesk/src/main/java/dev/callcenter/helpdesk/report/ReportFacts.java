package dev.callcenter.helpdesk.report;

import java.time.Instant;
import java.util.List;

/** Where the facts the reports count are written: call offers and agent state changes. */
public interface ReportFacts {

  void recordCall(CallRecord call);

  /**
   * The agent entered {@code state} at {@code at}: closes their previous state and, when that was a
   * wrap-up after a call, stores its length on that call's record.
   *
   * @param state an agent state name ({@code AVAILABLE}, {@code PAUSED}, {@code WRAP_UP} …)
   */
  default void agentState(long userId, String state, String reason, String callId, Instant at) {
    agentStates(userId, List.of(new StateChange(state, reason, callId, at)));
  }

  /**
   * The agent's state changes, oldest first, in one write: each closes the one before it (the first
   * closes the agent's open state), and the last stays open. The same as {@link #agentState} once
   * per change, for a fraction of the statements.
   */
  void agentStates(long userId, List<StateChange> changes);

  /** Records a complaint spike; false when its week was raised before. */
  boolean recordSpike(ComplaintSpike spike, Instant at);
}
