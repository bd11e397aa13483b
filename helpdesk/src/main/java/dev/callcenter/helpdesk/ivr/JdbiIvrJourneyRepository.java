package dev.callcenter.helpdesk.ivr;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link IvrJourneyRepository} on PostgreSQL through Jdbi. */
public final class JdbiIvrJourneyRepository implements IvrJourneyRepository {

  private final Jdbi jdbi;
  private final IvrJourneyDao dao;

  public JdbiIvrJourneyRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.dao = jdbi.onDemand(IvrJourneyDao.class);
  }

  @Override
  public boolean insertIfAbsent(String callId, String callerNumber, Instant startedAt) {
    return dao.insertIfAbsent(callId, callerNumber, startedAt) == 1;
  }

  @Override
  public boolean appendStep(String callId, IvrStep step) {
    return dao.appendStep(
            callId,
            step.at(),
            step.menu(),
            step.input(),
            step.outcome(),
            dev.callcenter.helpdesk.Params.keys(step.params()),
            dev.callcenter.helpdesk.Params.values(step.params()))
        == 1;
  }

  @Override
  public void identify(String callId, Long customerId, String language) {
    dao.identify(callId, customerId, language);
  }

  @Override
  public void finish(
      String callId,
      IvrOutcome outcome,
      String queue,
      Integer priority,
      Long ticketId,
      Instant endedAt) {
    dao.finish(callId, outcome.name(), queue, priority, ticketId, endedAt);
  }

  @Override
  public Optional<IvrJourney> find(String callId) {
    // one handle for both reads, so the steps belong to the journey row that was read
    return jdbi.inTransaction(
        h -> {
          IvrJourneyDao d = h.attach(IvrJourneyDao.class);
          return d.find(callId)
              .map(
                  j ->
                      new IvrJourney(
                          j.callId(),
                          j.customerId(),
                          j.callerNumber(),
                          j.language(),
                          d.steps(callId),
                          j.ticketId(),
                          j.queue(),
                          j.priority(),
                          j.startedAt(),
                          j.endedAt(),
                          j.outcome()));
        });
  }
}
