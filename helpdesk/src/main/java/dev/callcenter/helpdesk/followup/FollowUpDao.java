package dev.callcenter.helpdesk.followup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

/** SQL for follow-ups; used only by {@link JdbiFollowUpRepository}. */
@RegisterRowMapper(FollowUpDao.Mapper.class)
interface FollowUpDao {

  String SELECT =
      "select f.*, u.display_name as owner_name, c.name as customer_name,"
          + " coalesce(coalesce(c.tier_override, c.tier) = 'VIP', false) as vip,"
          + " (select array_agg(key order by key) from jsonb_each_text(f.params)) as p_keys,"
          + " (select array_agg(value order by key) from jsonb_each_text(f.params)) as p_values,"
          + " f.status = 'OPEN' and f.due_at < :now as overdue"
          + " from follow_up f join app_user u on u.id = f.owner_id"
          + " left join customer c on c.id = f.customer_id ";

  /**
   * The rule of {@link FollowUpScope} in SQL: every follow-up for a null user, else those the user
   * owns or that carry the key of a team the user is a member of.
   */
  String IN_SCOPE =
      " and (cast(:scope.userId as bigint) is null or f.owner_id = :scope.userId"
          + " or exists (select 1 from team_member m"
          + " where m.user_id = :scope.userId and m.team_key = f.team)) ";

  /** Oldest due minute first, VIP customers first within a minute. */
  String OPEN_ORDER = " order by date_trunc('minute', f.due_at), vip desc, f.due_at, f.id";

  @SqlUpdate(
      """
      insert into follow_up (title, note, due_at, owner_id, team, customer_id, ticket_id,
                             created_by, created_at, updated_at)
      values (:d.title, :d.note, :d.dueAt, :d.ownerId, :d.team, :d.customerId, :d.ticketId,
              :createdBy, :createdAt, :createdAt)
      """)
  @GetGeneratedKeys("id")
  long insert(
      @BindMethods("d") FollowUpDraft draft,
      @Bind("createdBy") Long createdBy,
      @Bind("createdAt") Instant createdAt);

  @SqlUpdate(
      """
      insert into follow_up (kind, params, due_at, owner_id, team, customer_id, ticket_id,
                             created_at, updated_at)
      values (:d.kind, jsonb_object(cast(:keys as text[]), cast(:values as text[])), :d.dueAt,
              :d.ownerId, :d.team, :d.customerId, :d.ticketId, :createdAt, :createdAt)
      """)
  @GetGeneratedKeys("id")
  long insertCallback(
      @BindMethods("d") CallbackDraft draft,
      @Bind("keys") String[] keys,
      @Bind("values") String[] values,
      @Bind("createdAt") Instant createdAt);

  @SqlQuery(SELECT + "where f.id = :id" + IN_SCOPE)
  Optional<FollowUp> find(
      @Bind("id") long id, @Bind("now") Instant now, @BindMethods("scope") FollowUpScope scope);

  @SqlQuery(
      SELECT
          + "where f.owner_id = :ownerId and f.status = 'OPEN' and f.due_at < :now"
          + OPEN_ORDER
          + " limit :limit")
  List<FollowUp> overdueForOwner(
      @Bind("ownerId") long ownerId, @Bind("now") Instant now, @Bind("limit") int limit);

  @SqlQuery(
      SELECT
          + "where f.team = :team and f.status = 'OPEN' and f.due_at < :now"
          + OPEN_ORDER
          + " limit :limit")
  List<FollowUp> overdueForTeam(
      @Bind("team") String team, @Bind("now") Instant now, @Bind("limit") int limit);

  @SqlQuery(
      SELECT + "where f.owner_id = :ownerId and f.status = 'OPEN'" + OPEN_ORDER + " limit :limit")
  List<FollowUp> openForOwner(
      @Bind("ownerId") long ownerId, @Bind("now") Instant now, @Bind("limit") int limit);

  @SqlQuery(
      SELECT
          + "where f.customer_id = :customerId"
          + IN_SCOPE
          + " order by f.status = 'OPEN' desc,"
          + " case when f.status = 'OPEN' then f.due_at end, f.completed_at desc, f.id desc"
          + " limit :limit")
  List<FollowUp> forCustomer(
      @Bind("customerId") long customerId,
      @Bind("now") Instant now,
      @Bind("limit") int limit,
      @BindMethods("scope") FollowUpScope scope);

  @SqlUpdate(
      """
      update follow_up f set status = :status, completed_at = :at, completed_by = :by,
             completion_note = :note, updated_at = :at
       where f.id = :id and f.status = 'OPEN'
      """
          + IN_SCOPE)
  int close(
      @Bind("id") long id,
      @Bind("status") String status,
      @Bind("by") long by,
      @Bind("note") String note,
      @Bind("at") Instant at,
      @BindMethods("scope") FollowUpScope scope);

  @SqlUpdate(
      "update follow_up f set due_at = :dueAt, updated_at = :at"
          + " where f.id = :id and f.status = 'OPEN'"
          + IN_SCOPE)
  int reschedule(
      @Bind("id") long id,
      @Bind("dueAt") Instant dueAt,
      @Bind("at") Instant at,
      @BindMethods("scope") FollowUpScope scope);

  /** Maps a follow-up row joined with its owner and customer. */
  class Mapper implements RowMapper<FollowUp> {
    @Override
    public FollowUp map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new FollowUp(
          rs.getLong("id"),
          rs.getString("title"),
          rs.getString("note"),
          instant(rs.getTimestamp("due_at")),
          rs.getLong("owner_id"),
          rs.getString("owner_name"),
          rs.getString("team"),
          nullableLong(rs, "customer_id"),
          rs.getString("customer_name"),
          nullableLong(rs, "ticket_id"),
          FollowUpStatus.valueOf(rs.getString("status")),
          nullableLong(rs, "created_by"),
          instant(rs.getTimestamp("created_at")),
          instant(rs.getTimestamp("updated_at")),
          instant(rs.getTimestamp("completed_at")),
          nullableLong(rs, "completed_by"),
          rs.getString("completion_note"),
          rs.getBoolean("vip"),
          rs.getBoolean("overdue"),
          rs.getString("kind") == null ? null : FollowUpKind.valueOf(rs.getString("kind")),
          dev.callcenter.helpdesk.Params.read(rs, "p_keys", "p_values"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
      long value = rs.getLong(column);
      return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp t) {
      return t == null ? null : t.toInstant();
    }
  }
}
