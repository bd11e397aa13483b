package dev.callcenter.helpdesk.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link SurveyRepository} on PostgreSQL through Jdbi. */
public final class JdbiSurveyRepository implements SurveyRepository {

  private final Jdbi jdbi;

  public JdbiSurveyRepository(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  @Override
  public long insert(SurveyAnswerDraft d, Instant answeredAt) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    insert into survey_answer (call_id, customer_id, interaction_id, agent, queue,
                                               ticket_id, rating, solved, answered_at)
                    values (:callId,
                            (select id from customer where id = :customerId),
                            (select id from interaction where pbx_linkedid = :callId
                              order by started_at desc, id desc limit 1),
                            :agent, :queue,
                            (select id from ticket where id = :ticketId),
                            :rating, :solved, :answeredAt)
                    """)
                .bind("callId", d.callId())
                .bind("customerId", d.customerId())
                .bind("agent", d.agent())
                .bind("queue", d.queue())
                .bind("ticketId", d.ticketId())
                .bind("rating", d.rating())
                .bind("solved", d.solved())
                .bind("answeredAt", answeredAt)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<SurveyAnswer> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from survey_answer where id = :id")
                .bind("id", id)
                .map(new AnswerMapper())
                .findOne());
  }

  @Override
  public List<SurveyAnswer> forCall(String callId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from survey_answer where call_id = :callId order by id")
                .bind("callId", callId)
                .map(new AnswerMapper())
                .list());
  }

  @Override
  public boolean answeredForTicket(long ticketId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select exists (select 1 from survey_answer where ticket_id = :id)")
                .bind("id", ticketId)
                .mapTo(Boolean.class)
                .one());
  }

  @Override
  public List<SurveyResult> results(SurveyGrouping group, Instant from, Instant to) {
    String key =
        switch (group) {
          case AGENT -> "a.agent";
          case QUEUE -> "a.queue";
          case PRODUCT -> "t.product";
        };
    // key comes from the closed switch above, never from input
    String sql =
        "select "
            + key
            + " as key, count(*) as answers, avg(a.rating)::float8 as average,"
            + " (avg(case when a.solved then 1.0 when not a.solved then 0.0 end))::float8"
            + " as solved_share"
            + " from survey_answer a left join ticket t on t.id = a.ticket_id"
            + " where a.answered_at >= :from and a.answered_at < :to and "
            + key
            + " is not null group by "
            + key
            + " order by answers desc, key";
    return jdbi.withHandle(
        h ->
            h.createQuery(sql)
                .bind("from", from)
                .bind("to", to)
                .map(
                    (rs, ctx) -> {
                      double share = rs.getDouble("solved_share");
                      Double solved = rs.wasNull() ? null : share;
                      return new SurveyResult(
                          rs.getString("key"),
                          rs.getLong("answers"),
                          rs.getDouble("average"),
                          solved);
                    })
                .list());
  }

  /** Maps a survey_answer row. */
  private static final class AnswerMapper implements RowMapper<SurveyAnswer> {
    @Override
    public SurveyAnswer map(ResultSet rs, StatementContext ctx) throws SQLException {
      boolean solved = rs.getBoolean("solved");
      Boolean solvedOrNull = rs.wasNull() ? null : solved;
      return new SurveyAnswer(
          rs.getLong("id"),
          rs.getString("call_id"),
          nullableLong(rs, "customer_id"),
          nullableLong(rs, "interaction_id"),
          rs.getString("agent"),
          rs.getString("queue"),
          nullableLong(rs, "ticket_id"),
          rs.getInt("rating"),
          solvedOrNull,
          instant(rs.getTimestamp("answered_at")));
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
