package dev.callcenter.kb.article;

import dev.callcenter.kb.ArticleStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for articles, their versions and feedback; used only by {@link JdbiArticleRepository}. */
@RegisterRowMapper(ArticleDao.ArticleMapper.class)
@RegisterRowMapper(ArticleDao.VersionMapper.class)
interface ArticleDao {

  @SqlUpdate(
      """
      insert into kb_article (external_id, title, symptom, cause, resolution, product, versions,
                              fixed_in_version, tags, language, visibility, status,
                              source_ticket_id, version, created_by, created_at, updated_by,
                              updated_at)
      values (:d.externalId, :d.title, :d.symptom, :d.cause, :d.resolution, :d.product,
              cast(:d.versions as text[]), :d.fixedInVersion, cast(:d.tags as text[]),
              :d.language.tag, :d.visibility, :status, :sourceTicketId, 1, :by, :at, :by, :at)
      """)
  @GetGeneratedKeys("id")
  long insert(
      @BindMethods("d") ArticleDraft draft,
      @Bind("status") String status,
      @Bind("sourceTicketId") Long sourceTicketId,
      @Bind("by") Long by,
      @Bind("at") Instant at);

  @SqlUpdate(
      """
      update kb_article
         set external_id = :d.externalId, title = :d.title, symptom = :d.symptom,
             cause = :d.cause, resolution = :d.resolution, product = :d.product,
             versions = cast(:d.versions as text[]), fixed_in_version = :d.fixedInVersion,
             tags = cast(:d.tags as text[]), language = :d.language.tag,
             visibility = :d.visibility, status = :status, version = version + 1,
             updated_by = :by, updated_at = :at
       where id = :id and version = :expectedVersion
      """)
  int update(
      @Bind("id") long id,
      @Bind("expectedVersion") int expectedVersion,
      @BindMethods("d") ArticleDraft draft,
      @Bind("status") String status,
      @Bind("by") Long by,
      @Bind("at") Instant at);

  /** That many new article ids, taken from the table's sequence. */
  @SqlQuery("select nextval('kb_article_id_seq') from generate_series(1, :n)")
  List<Long> nextIds(@Bind("n") int n);

  /**
   * {@link #insert} for many articles in one statement, their ids given (from {@link #nextIds}):
   * one array per column, unnested into rows. Array columns come as PostgreSQL array literals,
   * since an array of arrays cannot be ragged.
   */
  @SqlUpdate(
      """
      insert into kb_article (id, external_id, title, symptom, cause, resolution, product,
                              versions, fixed_in_version, tags, language, visibility, status,
                              source_ticket_id, version, created_by, created_at, updated_by,
                              updated_at)
      select r.id, r.external_id, r.title, r.symptom, r.cause, r.resolution, r.product,
             cast(r.versions as text[]), r.fixed_in_version, cast(r.tags as text[]), r.language,
             r.visibility, r.status, null, 1, cast(:by as bigint), cast(:at as timestamptz),
             cast(:by as bigint), cast(:at as timestamptz)
        from unnest(cast(:ids as bigint[]), cast(:externalIds as text[]),
                    cast(:titles as text[]), cast(:symptoms as text[]), cast(:causes as text[]),
                    cast(:resolutions as text[]), cast(:products as text[]),
                    cast(:versions as text[]), cast(:fixedIn as text[]), cast(:tags as text[]),
                    cast(:languages as text[]), cast(:visibilities as text[]),
                    cast(:statuses as text[]))
             as r(id, external_id, title, symptom, cause, resolution, product, versions,
                  fixed_in_version, tags, language, visibility, status)
      """)
  int insertRows(
      @Bind("ids") long[] ids,
      @Bind("externalIds") String[] externalIds,
      @Bind("titles") String[] titles,
      @Bind("symptoms") String[] symptoms,
      @Bind("causes") String[] causes,
      @Bind("resolutions") String[] resolutions,
      @Bind("products") String[] products,
      @Bind("versions") String[] versions,
      @Bind("fixedIn") String[] fixedIn,
      @Bind("tags") String[] tags,
      @Bind("languages") String[] languages,
      @Bind("visibilities") String[] visibilities,
      @Bind("statuses") String[] statuses,
      @Bind("by") Long by,
      @Bind("at") Instant at);

  /** {@link #update} for many articles in one round trip; 1 or 0 per article, in order. */
  @SqlBatch(
      """
      update kb_article
         set external_id = :d.externalId, title = :d.title, symptom = :d.symptom,
             cause = :d.cause, resolution = :d.resolution, product = :d.product,
             versions = cast(:d.versions as text[]), fixed_in_version = :d.fixedInVersion,
             tags = cast(:d.tags as text[]), language = :d.language.tag,
             visibility = :d.visibility, status = :status, version = version + 1,
             updated_by = :by, updated_at = :at
       where id = :id and version = :expectedVersion
      """)
  int[] updateAll(
      @Bind("id") List<Long> ids,
      @Bind("expectedVersion") List<Integer> expectedVersions,
      @BindMethods("d") List<ArticleDraft> drafts,
      @Bind("status") List<String> statuses,
      @Bind("by") List<Long> by,
      @Bind("at") List<Instant> at);

  /** {@link #snapshot} of many articles in one statement. */
  @SqlUpdate(
      """
      insert into kb_article_version (article_id, version, title, symptom, cause, resolution,
                                      product, versions, fixed_in_version, tags, language,
                                      visibility, status, change, author_id, changed_at)
      select id, version, title, symptom, cause, resolution, product, versions, fixed_in_version,
             tags, language, visibility, status, :change, :by, :at
        from kb_article where id = any(:ids)
      """)
  void snapshotAll(
      @Bind("ids") long[] ids,
      @Bind("change") String change,
      @Bind("by") Long by,
      @Bind("at") Instant at);

  @SqlQuery("select * from kb_article where external_id = any(:externalIds)")
  List<StoredArticle> findByExternalIds(@Bind("externalIds") String[] externalIds);

  /** Copies the article's current state into its history. */
  @SqlUpdate(
      """
      insert into kb_article_version (article_id, version, title, symptom, cause, resolution,
                                      product, versions, fixed_in_version, tags, language,
                                      visibility, status, change, author_id, changed_at)
      select id, version, title, symptom, cause, resolution, product, versions, fixed_in_version,
             tags, language, visibility, status, :change, :by, :at
        from kb_article where id = :id
      """)
  void snapshot(
      @Bind("id") long id,
      @Bind("change") String change,
      @Bind("by") Long by,
      @Bind("at") Instant at);

  @SqlQuery("select * from kb_article where id = :id")
  Optional<StoredArticle> find(@Bind("id") long id);

  @SqlQuery("select * from kb_article where external_id = :externalId")
  Optional<StoredArticle> findByExternalId(@Bind("externalId") String externalId);

  @SqlQuery("select * from kb_article where id > :afterId order by id limit :limit")
  List<StoredArticle> page(@Bind("afterId") long afterId, @Bind("limit") int limit);

  @SqlQuery(
      "select * from kb_article where (:status is null or status = :status)"
          + " order by updated_at desc, id desc limit :limit")
  List<StoredArticle> list(@Bind("status") String status, @Bind("limit") int limit);

  @SqlQuery("select id, version as count from kb_article")
  @RegisterConstructorMapper(IdCount.class)
  List<IdCount> versions();

  @SqlQuery("select * from kb_article_version where article_id = :id order by version")
  List<ArticleVersion> history(@Bind("id") long id);

  @SqlUpdate(
      """
      insert into kb_feedback (article_id, kind, ticket_id, user_id, created_at)
      values (:articleId, :kind, :ticketId, :userId, :at)
      on conflict do nothing
      """)
  int addFeedback(
      @Bind("articleId") long articleId,
      @Bind("kind") String kind,
      @Bind("ticketId") Long ticketId,
      @Bind("userId") Long userId,
      @Bind("at") Instant at);

  @SqlQuery(
      """
      select cast(:articleId as bigint) as article_id,
             count(*) filter (where kind = 'HELPFUL') as helpful,
             count(*) filter (where kind = 'NOT_HELPFUL') as not_helpful,
             count(distinct ticket_id) filter (where kind = 'SOLVED') as solved_tickets
        from kb_feedback where article_id = :articleId
      """)
  @RegisterConstructorMapper(FeedbackCounts.class)
  FeedbackCounts feedbackCounts(@Bind("articleId") long articleId);

  @SqlQuery(
      "select article_id as id, count(distinct ticket_id) as count from kb_feedback"
          + " where kind = 'SOLVED' group by article_id")
  @RegisterConstructorMapper(IdCount.class)
  List<IdCount> solvedCounts();

  @SqlQuery(
      "select article_id from kb_feedback where ticket_id = :ticketId and kind = 'SOLVED'"
          + " order by created_at, article_id")
  List<Long> solvedBy(@Bind("ticketId") long ticketId);

  /** An id with a number (a version or a count). */
  record IdCount(long id, int count) {}

  /** Maps a kb_article row. */
  class ArticleMapper implements RowMapper<StoredArticle> {
    @Override
    public StoredArticle map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new StoredArticle(
          rs.getLong("id"),
          ArticleRows.content(rs, rs.getString("external_id")),
          ArticleStatus.valueOf(rs.getString("status")),
          ArticleRows.nullableLong(rs, "source_ticket_id"),
          rs.getInt("version"),
          ArticleRows.nullableLong(rs, "created_by"),
          ArticleRows.instant(rs.getTimestamp("created_at")),
          ArticleRows.nullableLong(rs, "updated_by"),
          ArticleRows.instant(rs.getTimestamp("updated_at")));
    }
  }

  /** Maps a kb_article_version row. */
  class VersionMapper implements RowMapper<ArticleVersion> {
    @Override
    public ArticleVersion map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ArticleVersion(
          rs.getLong("article_id"),
          rs.getInt("version"),
          ArticleRows.content(rs, null),
          ArticleStatus.valueOf(rs.getString("status")),
          rs.getString("change"),
          ArticleRows.nullableLong(rs, "author_id"),
          ArticleRows.instant(rs.getTimestamp("changed_at")));
    }
  }
}
