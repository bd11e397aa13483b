package dev.callcenter.kb.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for article revisions; used only by {@link JdbiRevisionRepository}. */
@RegisterRowMapper(RevisionDao.Mapper.class)
interface RevisionDao {

  @SqlQuery(
      """
      insert into kb_article_revision (article_id, base_version, external_id, title, symptom,
                                       cause, resolution, product, versions, fixed_in_version,
                                       tags, language, visibility, status, author_id, created_at,
                                       updated_at)
      values (:articleId, :baseVersion, :d.externalId, :d.title, :d.symptom, :d.cause,
              :d.resolution, :d.product, cast(:d.versions as text[]), :d.fixedInVersion,
              cast(:d.tags as text[]), :d.language.tag, :d.visibility, 'PENDING', :authorId, :at,
              :at)
      on conflict (article_id, author_id) where status = 'PENDING' do update
         set base_version = excluded.base_version, external_id = excluded.external_id,
             title = excluded.title, symptom = excluded.symptom, cause = excluded.cause,
             resolution = excluded.resolution, product = excluded.product,
             versions = excluded.versions, fixed_in_version = excluded.fixed_in_version,
             tags = excluded.tags, language = excluded.language,
             visibility = excluded.visibility, updated_at = excluded.updated_at
      returning id
      """)
  long savePending(
      @Bind("articleId") long articleId,
      @Bind("baseVersion") int baseVersion,
      @BindMethods("d") ArticleDraft draft,
      @Bind("authorId") long authorId,
      @Bind("at") Instant at);

  @SqlQuery("select * from kb_article_revision where id = :id")
  Optional<ArticleRevision> find(@Bind("id") long id);

  @SqlQuery(
      """
      select * from kb_article_revision
       where (cast(:status as text) is null or status = :status)
         and (cast(:authorId as bigint) is null or author_id = :authorId)
       order by case when status = 'PENDING' then created_at end, updated_at desc, id
       limit :limit
      """)
  List<ArticleRevision> list(
      @Bind("status") String status, @Bind("authorId") Long authorId, @Bind("limit") int limit);

  @SqlUpdate(
      """
      update kb_article_revision
         set status = :status, reviewed_by = :reviewerId, reviewed_at = :at, review_note = :note,
             published_version = :publishedVersion, updated_at = :at
       where id = :id and status = 'PENDING'
      """)
  int close(
      @Bind("id") long id,
      @Bind("status") String status,
      @Bind("reviewerId") long reviewerId,
      @Bind("note") String note,
      @Bind("publishedVersion") Integer publishedVersion,
      @Bind("at") Instant at);

  /** Maps a kb_article_revision row. */
  class Mapper implements RowMapper<ArticleRevision> {
    @Override
    public ArticleRevision map(ResultSet rs, StatementContext ctx) throws SQLException {
      Long published = ArticleRows.nullableLong(rs, "published_version");
      return new ArticleRevision(
          rs.getLong("id"),
          rs.getLong("article_id"),
          rs.getInt("base_version"),
          ArticleRows.content(rs, rs.getString("external_id")),
          RevisionStatus.valueOf(rs.getString("status")),
          rs.getLong("author_id"),
          ArticleRows.instant(rs.getTimestamp("created_at")),
          ArticleRows.instant(rs.getTimestamp("updated_at")),
          ArticleRows.nullableLong(rs, "reviewed_by"),
          ArticleRows.instant(rs.getTimestamp("reviewed_at")),
          rs.getString("review_note"),
          published == null ? null : published.intValue());
    }
  }
}
