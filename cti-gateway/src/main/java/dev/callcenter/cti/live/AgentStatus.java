package dev.callcenter.cti.live;

import java.time.Instant;
import java.util.List;

/**
 * An agent's state at one moment.
 *
 * @param reason the pause reason when paused
 * @param callId the call ringing or in progress, when ringing, on a call or in wrap-up
 * @param since when the agent entered this state
 * @param queues the queues the agent is a member of on the PBX now
 */
public record AgentStatus(
    long userId,
    String username,
    String displayName,
    String agentInterface,
    AgentState state,
    String reason,
    String callId,
    Instant since,
    List<String> queues) {

  public AgentStatus {
    queues = List.copyOf(queues);
  }
}
