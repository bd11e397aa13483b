package dev.callcenter.cti.live;

import java.util.Collection;
import java.util.Optional;

/** Finds the agent behind a queue member interface. Fast and non-blocking: no I/O per call. */
public interface AgentDirectory {
  Optional<AgentRef> byInterface(String agentInterface);

  Optional<AgentRef> byUser(long userId);

  Collection<AgentRef> all();
}
