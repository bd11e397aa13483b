package dev.callcenter.helpdesk.agent;

import java.util.List;
import java.util.Optional;

/** Storage of agents' devices and queues. */
public interface AgentDeviceRepository {

  /** Sets (or replaces) the user's device and queues. */
  void upsert(long userId, String agentInterface, List<String> queues);

  Optional<AgentDevice> forUser(long userId);

  /** Every agent with a device, by username. */
  List<AgentDevice> all();

  boolean delete(long userId);
}
