package dev.callcenter.helpdesk.report;

import dev.callcenter.helpdesk.customer.Tier;
import java.time.Instant;

/**
 * One offer of a call to a queue, as the reports count it (docs/metrics.md): written when that part
 * of the call ends.
 *
 * @param callId the PBX Linkedid
 * @param customerId the identified caller, null when unknown
 * @param tier the caller's tier when offered (STANDARD when unknown)
 * @param talkSeconds answer to hang-up or transfer, hold included; null unless answered
 * @param agentId the user who answered, null unless answered (or unknown to the server)
 * @param transferredIn an agent transferred the call into this queue
 * @param transferredOut the answering agent transferred the call onwards
 */
public record CallRecord(
    String callId,
    String queue,
    Long customerId,
    Tier tier,
    Instant offeredAt,
    Instant answeredAt,
    Instant endedAt,
    Outcome outcome,
    int waitSeconds,
    Integer talkSeconds,
    Integer holdSeconds,
    Long agentId,
    boolean transferredIn,
    boolean transferredOut) {

  public CallRecord {
    if (callId == null || offeredAt == null || endedAt == null || outcome == null) {
      throw new IllegalArgumentException("callId, offeredAt, endedAt and outcome are required");
    }
    if ((outcome == Outcome.ANSWERED) != (answeredAt != null)) {
      throw new IllegalArgumentException("answeredAt is set exactly for answered calls");
    }
    tier = tier == null ? Tier.STANDARD : tier;
    waitSeconds = Math.max(0, waitSeconds);
    if (endedAt.isBefore(offeredAt)) {
      endedAt = offeredAt;
    }
  }

  /** How the offer ended. */
  public enum Outcome {
    ANSWERED,
    /** The caller hung up while waiting. */
    ABANDONED,
    /** It left the queue unanswered otherwise (queue timeout, no agents, the PBX went away). */
    UNANSWERED
  }
}
