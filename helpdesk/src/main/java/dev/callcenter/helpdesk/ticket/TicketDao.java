package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.sla.clock.SlaTerms;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for tickets, comments and interaction links; used only by {@link JdbiTicketRepository}. */
@RegisterRowMapper(TicketDao.TicketMapper.class)
@RegisterRowMapper(TicketDao.SummaryMapper.class)
@RegisterRowMapper(TicketDao.CommentMapper.class)
interface TicketDao {

  String SUMMARY_COLUMNS =
      "t.id, t.type, t.status, t.priority, t.title, t.customer_id, t.assignee_id, t.team,"
          + " t.created_at, t.updated_at, t.first_response_due_at, t.resolution_due_at";

  /**
   * Inserts a NEW ticket and returns the row; bound by position in {@link JdbiTicketRepository}.
   */
  String INSERT =
      """
      with t as (
        insert into ticket (type, status, title, description, priority, customer_id, assignee_id,
          team, tags, required_skills, source, pbx_linkedid, product, product_version,
          promised_by, sla_policy_id, first_response_target_minutes, resolution_target_minutes,
          first_response_warn_at, first_response_due_at, resolution_warn_at, resolution_due_at,
          next_sla_check_at, created_by, created_at, updated_at)
        values (?, 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        returning *),
      audit as (
        insert into ticket_audit (ticket_id, actor_id, changed_at, field, old_value, new_value)
        select id, created_by, created_at, 'CREATED', null, title from t)
      select * from t
      """;

  @SqlQuery("select * from ticket where id = :id")
  Optional<Ticket> find(@Bind("id") long id);

  @SqlQuery("select * from ticket where id = :id for update")
  Optional<Ticket> findForUpdate(@Bind("id") long id);

  @SqlQuery("select * from ticket where id = any(:ids) order by id")
  List<Ticket> findAll(@Bind("ids") long[] ids);

  @SqlUpdate(
      """
      update ticket set title = :u.title, description = :u.description, priority = :u.priority,
             assignee_id = :u.assigneeId, team = :u.team, tags = :u.tags,
             required_skills = :u.requiredSkills, product = :u.product,
             product_version = :u.productVersion, promised_by = :u.promisedBy, updated_at = :now,
             version = version + 1,
             assignment_reason = case when assignee_id is distinct from :u.assigneeId then null
                                      else assignment_reason end
       where id = :id and (cast(:expectedVersion as integer) is null or version = :expectedVersion)
      """)
  int update(
      @Bind("id") long id,
      @BindMethods("u") TicketUpdate update,
      @Bind("now") Instant now,
      @Bind("expectedVersion") Integer expectedVersion);

  @SqlUpdate(
      """
      update ticket set status = :l.status, resolution = :l.resolution,
             first_response_at = :l.firstResponseAt, resolved_at = :l.resolvedAt,
             closed_at = :l.closedAt, updated_at = :now, version = version + 1
       where id = :id
      """)
  int updateLifecycle(
      @Bind("id") long id, @BindMethods("l") Lifecycle lifecycle, @Bind("now") Instant now);

  @SqlUpdate(
      """
      update ticket set assignee_id = :assigneeId, assignment_reason = :reason, updated_at = :now,
             version = version + 1
       where id = :id
      """)
  int updateAssignment(
      @Bind("id") long id,
      @Bind("assigneeId") Long assigneeId,
      @Bind("reason") String reason,
      @Bind("now") Instant now);

  @SqlUpdate("update ticket set assignment_reason = :reason where id = :id")
  int updateAssignmentReason(@Bind("id") long id, @Bind("reason") String reason);

  @SqlUpdate(
      "update ticket set first_response_at = :at, updated_at = :at"
          + " where id = :id and first_response_at is null")
  int recordFirstResponse(@Bind("id") long id, @Bind("at") Instant at);

  @SqlQuery(
      "select "
          + SUMMARY_COLUMNS
          + """
           from ticket t
          where (cardinality(cast(:statuses as text[])) = 0
                 or t.status = any(cast(:statuses as text[])))
            and (cast(:q.customerId as bigint) is null or t.customer_id = :q.customerId)
            and (cast(:q.assigneeId as bigint) is null or t.assignee_id = :q.assigneeId)
            and (cast(:q.team as text) is null or t.team = :q.team)
            and (cast(:q.type as text) is null or t.type = :q.type)
            and (cast(:q.priority as text) is null or t.priority = :q.priority)
            and (cast(:q.dueBefore as timestamptz) is null
                 or least(t.first_response_due_at, t.resolution_due_at) < :q.dueBefore)
            and (cast(:q.breached as boolean) is null
                 or :q.breached = (exists (select 1 from sla_event e
                                            where e.ticket_id = t.id and e.kind = 'BREACH')
                                   or coalesce(t.first_response_due_at <= :now, false)
                                   or coalesce(t.resolution_due_at <= :now, false)))
          order by t.created_at desc, t.id desc
          limit :q.limit offset :q.offset
          """)
  List<TicketSummary> list(
      @BindMethods("q") TicketQuery query,
      @Bind("statuses") List<String> statuses,
      @Bind("now") Instant now);

  @SqlQuery(
      "select "
          + SUMMARY_COLUMNS
          + " from ticket t where t.customer_id = :customerId"
          + " and t.status in ('NEW', 'OPEN', 'PENDING_CUSTOMER')"
          + " order by t.created_at desc, t.id desc limit :limit")
  List<TicketSummary> openForCustomer(
      @Bind("customerId") long customerId, @Bind("limit") int limit);

  @SqlUpdate(
      "insert into ticket_comment (ticket_id, visibility, author_id, body, created_at)"
          + " values (:ticketId, :visibility, :authorId, :body, :now)")
  @GetGeneratedKeys("id")
  long insertComment(
      @Bind("ticketId") long ticketId,
      @Bind("visibility") String visibility,
      @Bind("authorId") Long authorId,
      @Bind("body") String body,
      @Bind("now") Instant now);

  @SqlQuery("select * from ticket_comment where id = :id")
  Optional<Comment> findComment(@Bind("id") long id);

  @SqlQuery("select * from ticket_comment where ticket_id = :ticketId order by created_at, id")
  List<Comment> comments(@Bind("ticketId") long ticketId);

  @SqlUpdate(
      "insert into interaction_ticket (interaction_id, ticket_id, linked_at)"
          + " values (:interactionId, :ticketId, :now) on conflict do nothing")
  int linkInteraction(
      @Bind("ticketId") long ticketId,
      @Bind("interactionId") long interactionId,
      @Bind("now") Instant now);

  @SqlQuery(
      "select interaction_id from interaction_ticket where ticket_id = :ticketId"
          + " order by linked_at, interaction_id")
  List<Long> interactionIds(@Bind("ticketId") long ticketId);

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  /** Maps a full ticket row. */
  class TicketMapper implements RowMapper<Ticket> {
    @Override
    public Ticket map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Ticket(
          rs.getLong("id"),
          TicketType.valueOf(rs.getString("type")),
          TicketStatus.valueOf(rs.getString("status")),
          rs.getString("title"),
          rs.getString("description"),
          Priority.valueOf(rs.getString("priority")),
          rs.getLong("customer_id"),
          nullableLong(rs, "assignee_id"),
          rs.getString("team"),
          List.of((String[]) rs.getArray("tags").getArray()),
          List.of((String[]) rs.getArray("required_skills").getArray()),
          rs.getString("assignment_reason"),
          TicketSource.valueOf(rs.getString("source")),
          rs.getString("pbx_linkedid"),
          rs.getString("product"),
          rs.getString("product_version"),
          instant(rs, "promised_by"),
          rs.getString("resolution"),
          new SlaTerms(
              nullableLong(rs, "sla_policy_id"),
              Duration.ofMinutes(rs.getInt("first_response_target_minutes")),
              Duration.ofMinutes(rs.getInt("resolution_target_minutes"))),
          instant(rs, "first_response_at"),
          instant(rs, "resolved_at"),
          instant(rs, "closed_at"),
          instant(rs, "first_response_due_at"),
          instant(rs, "resolution_due_at"),
          nullableLong(rs, "created_by"),
          instant(rs, "created_at"),
          instant(rs, "updated_at"),
          rs.getInt("version"));
    }
  }

  /** Maps the summary columns. */
  class SummaryMapper implements RowMapper<TicketSummary> {
    @Override
    public TicketSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TicketSummary(
          rs.getLong("id"),
          TicketType.valueOf(rs.getString("type")),
          TicketStatus.valueOf(rs.getString("status")),
          Priority.valueOf(rs.getString("priority")),
          rs.getString("title"),
          rs.getLong("customer_id"),
          nullableLong(rs, "assignee_id"),
          rs.getString("team"),
          instant(rs, "created_at"),
          instant(rs, "updated_at"),
          instant(rs, "first_response_due_at"),
          instant(rs, "resolution_due_at"));
    }
  }

  /** Maps a comment row. */
  class CommentMapper implements RowMapper<Comment> {
    @Override
    public Comment map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Comment(
          rs.getLong("id"),
          rs.getLong("ticket_id"),
          CommentVisibility.valueOf(rs.getString("visibility")),
          nullableLong(rs, "author_id"),
          rs.getString("body"),
          instant(rs, "created_at"));
    }
  }
}
