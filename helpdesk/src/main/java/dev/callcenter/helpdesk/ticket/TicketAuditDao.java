package dev.callcenter.helpdesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL for the ticket audit trail; used only by {@link JdbiTicketAuditRepository}. */
@RegisterRowMapper(TicketAuditDao.EntryMapper.class)
interface TicketAuditDao {

  String INSERT =
      "insert into ticket_audit (ticket_id, actor_id, changed_at, field, old_value, new_value)"
          + " values (:ticketId, :actorId, :at, :field, :oldValue, :newValue)";

  @SqlBatch(INSERT)
  void append(
      @Bind("ticketId") long ticketId,
      @Bind("actorId") Long actorId,
      @Bind("at") Instant at,
      @Bind("field") List<String> fields,
      @Bind("oldValue") List<String> oldValues,
      @Bind("newValue") List<String> newValues);

  @SqlQuery("select * from ticket_audit where ticket_id = :ticketId order by changed_at, id")
  List<AuditEntry> forTicket(@Bind("ticketId") long ticketId);

  /** Maps an audit row. */
  class EntryMapper implements RowMapper<AuditEntry> {
    @Override
    public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
      long actorId = rs.getLong("actor_id");
      Long actor = rs.wasNull() ? null : actorId;
      return new AuditEntry(
          rs.getLong("id"),
          rs.getLong("ticket_id"),
          actor,
          rs.getTimestamp("changed_at").toInstant(),
          AuditField.valueOf(rs.getString("field")),
          rs.getString("old_value"),
          rs.getString("new_value"));
    }
  }
}
