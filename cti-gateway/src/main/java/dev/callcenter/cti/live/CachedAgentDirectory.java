package dev.callcenter.cti.live;

import dev.callcenter.helpdesk.agent.AgentDevice;
import dev.callcenter.helpdesk.agent.AgentDeviceService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agents' devices from the database, held in memory so the event thread never queries it;
 * {@link #reload()} after a change.
 */
public final class CachedAgentDirectory implements AgentDirectory {
  private final AgentDeviceService devices;
  private volatile Map<String, AgentRef> byInterface = Map.of();
  private volatile Map<Long, AgentRef> byUser = Map.of();

  public CachedAgentDirectory(AgentDeviceService devices) {
    this.devices = devices;
  }

  /** Reads every agent's device again. */
  public CachedAgentDirectory reload() {
    List<AgentRef> all = devices.all().stream().map(CachedAgentDirectory::ref).toList();
    byInterface =
        all.stream()
            .collect(Collectors.toUnmodifiableMap(AgentRef::agentInterface, Function.identity()));
    byUser =
        all.stream().collect(Collectors.toUnmodifiableMap(AgentRef::userId, Function.identity()));
    return this;
  }

  private static AgentRef ref(AgentDevice d) {
    return new AgentRef(d.userId(), d.username(), d.displayName(), d.agentInterface(), d.queues());
  }

  @Override
  public Optional<AgentRef> byInterface(String agentInterface) {
    return Optional.ofNullable(agentInterface).map(byInterface::get);
  }

  @Override
  public Optional<AgentRef> byUser(long userId) {
    return Optional.ofNullable(byUser.get(userId));
  }

  @Override
  public Collection<AgentRef> all() {
    return byUser.values();
  }
}
