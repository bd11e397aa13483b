package dev.callcenter.helpdesk.interaction;

import dev.callcenter.helpdesk.Params;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link InteractionRepository} on PostgreSQL through Jdbi. */
public final class JdbiInteractionRepository implements InteractionRepository {

  private static final CallDetails NO_CALL =
      new CallDetails(null, null, null, null, null, null, null, null, null, null, null);

  private final InteractionDao dao;

  public JdbiInteractionRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(InteractionDao.class);
  }

  @Override
  public long insert(
      InteractionDraft d,
      Instant startedAt,
      Long agentId,
      InteractionEvent event,
      Map<String, String> params) {
    return dao.insert(
        d,
        startedAt,
        agentId,
        d.call() == null ? NO_CALL : d.call(),
        event == null ? null : event.name(),
        Params.keys(params),
        Params.values(params));
  }

  @Override
  public boolean endCall(long id, Instant endedAt, CallDetails call) {
    return dao.endCall(id, endedAt, call) > 0;
  }

  @Override
  public Optional<Interaction> find(long id) {
    return dao.find(id);
  }

  @Override
  public List<Interaction> forCustomer(long customerId, int limit, int offset) {
    return dao.forCustomer(customerId, limit, offset);
  }

  @Override
  public List<Interaction> forCall(String linkedid) {
    return dao.forCall(linkedid);
  }
}
