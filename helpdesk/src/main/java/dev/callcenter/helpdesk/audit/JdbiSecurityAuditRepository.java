package dev.callcenter.helpdesk.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link SecurityAuditRepository} on PostgreSQL through Jdbi. */
public final class JdbiSecurityAuditRepository implements SecurityAuditRepository {

  private final Jdbi jdbi;

  public JdbiSecurityAuditRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public void append(SecurityEvent e) {
    List<String> keys = e.detail().keySet().stream().sorted().toList();
    List<String> values = keys.stream().map(e.detail()::get).toList();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into security_event (occurred_at, kind, actor_id, actor_username,
                      subject_id, subject_username, address, detail)
                    values (:at, :kind, :actorId, :actorUsername, :subjectId, :subjectUsername,
                      :address, jsonb_object(cast(:keys as text[]), cast(:values as text[])))
                    """)
                .bind("at", e.occurredAt())
                .bind("kind", e.kind().name())
                .bind("actorId", e.actorId())
                .bind("actorUsername", e.actorUsername())
                .bind("subjectId", e.subjectId())
                .bind("subjectUsername", e.subjectUsername())
                .bind("address", e.address())
                .bind("keys", keys.toArray(String[]::new))
                .bind("values", values.toArray(String[]::new))
                .execute());
  }

  @Override
  public List<SecurityEvent> find(Filter f, int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select e.*,
                      (select array_agg(key order by key) from jsonb_each_text(e.detail)) keys,
                      (select array_agg(value order by key) from jsonb_each_text(e.detail)) vals
                    from security_event e
                    where (cast(:kind as text) is null or e.kind = :kind)
                      and (cast(:username as text) is null
                           or lower(e.actor_username) = lower(:username)
                           or lower(e.subject_username) = lower(:username))
                      and (cast(:from as timestamptz) is null or e.occurred_at >= :from)
                      and (cast(:to as timestamptz) is null or e.occurred_at < :to)
                    order by e.occurred_at desc, e.id desc
                    limit :limit offset :offset
                    """)
                .bind("kind", f.kind() == null ? null : f.kind().name())
                .bind("username", f.username())
                .bind("from", f.from())
                .bind("to", f.to())
                .bind("limit", limit)
                .bind("offset", offset)
                .map(new EventMapper())
                .list());
  }

  /** Maps an event row with its detail split into key and value arrays. */
  private static final class EventMapper implements RowMapper<SecurityEvent> {
    @Override
    public SecurityEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
      Map<String, String> detail = new LinkedHashMap<>();
      String[] keys = strings(rs.getArray("keys"));
      String[] values = strings(rs.getArray("vals"));
      for (int i = 0; i < keys.length; i++) {
        detail.put(keys[i], values[i]);
      }
      return new SecurityEvent(
          rs.getLong("id"),
          rs.getTimestamp("occurred_at").toInstant(),
          SecurityEventKind.valueOf(rs.getString("kind")),
          rs.getObject("actor_id", Long.class),
          rs.getString("actor_username"),
          rs.getObject("subject_id", Long.class),
          rs.getString("subject_username"),
          rs.getString("address"),
          detail);
    }

    private static String[] strings(Array array) throws SQLException {
      return array == null ? new String[0] : (String[]) array.getArray();
    }
  }
}
