package dev.callcenter.cti.call;

import java.time.Instant;

/**
 * An agent answered the queued call after the caller waited and the agent's phone rang.
 *
 * @param agentUniqueid the Uniqueid of the agent's channel (AgentConnect's {@code DestUniqueid}),
 *     whose hang-up ends the agent's part of a transferred call; null when the PBX did not say
 */
public record AgentAnswered(
    String callId,
    Instant at,
    String queue,
    String agentInterface,
    String memberName,
    long holdSeconds,
    long ringSeconds,
    String agentUniqueid)
    implements CallEvent {

  public AgentAnswered(
      String callId,
      Instant at,
      String queue,
      String agentInterface,
      String memberName,
      long holdSeconds,
      long ringSeconds) {
    this(callId, at, queue, agentInterface, memberName, holdSeconds, ringSeconds, null);
  }
}
