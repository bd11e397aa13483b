package dev.callcenter.helpdesk.sla;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@link SlaPolicyRepository} on PostgreSQL through Jdbi. */
public final class JdbiSlaPolicyRepository implements SlaPolicyRepository {

  private final SlaSetupDao dao;

  public JdbiSlaPolicyRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(SlaSetupDao.class);
  }

  @Override
  public List<SlaPolicy> all() {
    return dao.policies();
  }
}
