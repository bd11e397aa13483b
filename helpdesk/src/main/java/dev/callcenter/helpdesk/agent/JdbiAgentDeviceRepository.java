package dev.callcenter.helpdesk.agent;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link AgentDeviceRepository} on PostgreSQL through Jdbi. */
public final class JdbiAgentDeviceRepository implements AgentDeviceRepository {
  private final AgentDeviceDao dao;

  public JdbiAgentDeviceRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(AgentDeviceDao.class);
  }

  @Override
  public void upsert(long userId, String agentInterface, List<String> queues) {
    dao.upsert(userId, agentInterface, queues.toArray(String[]::new));
  }

  @Override
  public Optional<AgentDevice> forUser(long userId) {
    return dao.forUser(userId);
  }

  @Override
  public List<AgentDevice> all() {
    return dao.all();
  }

  @Override
  public boolean delete(long userId) {
    return dao.delete(userId) > 0;
  }
}
