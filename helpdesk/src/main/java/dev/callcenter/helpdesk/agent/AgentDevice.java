package dev.callcenter.helpdesk.agent;

import java.util.List;

/**
 * The phone an agent answers on and the queues they work: how the CTI gateway knows that {@code
 * PJSIP/1001} ringing means {@code agent1}'s screen.
 *
 * @param agentInterface the queue member interface, e.g. {@code PJSIP/1001}
 * @param queues the queues the agent joins when they become available
 */
public record AgentDevice(
    long userId, String username, String displayName, String agentInterface, List<String> queues) {

  public AgentDevice {
    queues = List.copyOf(queues);
  }
}
