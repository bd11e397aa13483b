package dev.callcenter.cti.live;

import java.util.List;

/** An agent as the gateway knows them: the user and the phone interface they answer on. */
public record AgentRef(
    long userId, String username, String displayName, String agentInterface, List<String> queues) {

  public AgentRef {
    queues = List.copyOf(queues);
  }
}
