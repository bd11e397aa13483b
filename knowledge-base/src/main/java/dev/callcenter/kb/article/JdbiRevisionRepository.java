package dev.callcenter.kb.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link RevisionRepository} on PostgreSQL through Jdbi. */
public final class JdbiRevisionRepository implements RevisionRepository {

  private final RevisionDao dao;

  public JdbiRevisionRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(RevisionDao.class);
  }

  @Override
  public long savePending(
      long articleId, int baseVersion, ArticleDraft content, long authorId, Instant at) {
    return dao.savePending(articleId, baseVersion, content, authorId, at);
  }

  @Override
  public Optional<ArticleRevision> find(long id) {
    return dao.find(id);
  }

  @Override
  public List<ArticleRevision> list(RevisionStatus status, Long authorId, int limit) {
    return dao.list(status == null ? null : status.name(), authorId, limit);
  }

  @Override
  public boolean close(
      long id,
      RevisionStatus status,
      long reviewerId,
      String note,
      Integer publishedVersion,
      Instant at) {
    return dao.close(id, status.name(), reviewerId, note, publishedVersion, at) == 1;
  }
}
