package dev.callcenter.helpdesk.timeline;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@link TimelineRepository} on PostgreSQL through Jdbi: one UNION ALL query, paged in SQL. */
public final class JdbiTimelineRepository implements TimelineRepository {

  private final TimelineDao dao;

  public JdbiTimelineRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(TimelineDao.class);
  }

  @Override
  public List<TimelineEntry> forCustomer(long customerId, int limit, int offset) {
    return dao.forCustomer(customerId, limit, offset);
  }
}
