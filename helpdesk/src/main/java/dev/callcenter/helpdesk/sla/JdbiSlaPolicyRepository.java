package dev.callcenter.helpdesk.sla;

import java.util.List;
import java.util.Optional;
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

  @Override
  public Optional<SlaPolicy> add(SlaPolicyDraft d) {
    return dao.insertPolicy(
        d.type() == null ? null : d.type().name(),
        d.priority() == null ? null : d.priority().name(),
        d.tier() == null ? null : d.tier().name(),
        d.targets().firstResponseMinutes(),
        d.targets().resolutionMinutes());
  }

  @Override
  public Optional<SlaPolicy> changeTargets(long id, SlaPolicyDraft.Targets t) {
    return dao.updatePolicy(id, t.firstResponseMinutes(), t.resolutionMinutes());
  }

  @Override
  public boolean remove(long id) {
    return dao.deletePolicy(id) > 0;
  }
}
