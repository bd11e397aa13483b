package dev.callcenter.helpdesk.report;

import java.time.Instant;

/** Where the facts the reports count are written: call offers and agent state changes. */
public interface ReportFacts {

  void recordCall(CallRecord call);

  /**
   * The agent entered {@code state} at {@code at}: closes their previous state and, when that was a
   * wrap-up after a call, stores its length on that call's record.
   *
   * @param state an agent state name ({@code AVAILABLE}, {@code PAUSED}, {@code WRAP_UP} …)
   */
  void agentState(long userId, String state, String reason, String callId, Instant at);

  /** Records a complaint spike; false when its week was raised before. */
  boolean recordSpike(ComplaintSpike spike, Instant at);
}
