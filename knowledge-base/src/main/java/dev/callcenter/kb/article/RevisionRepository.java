package dev.callcenter.kb.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of article revisions: proposed changes waiting for review, and the reviewed ones. */
public interface RevisionRepository {

  /**
   * Stores the author's pending revision of the article, replacing the one they already have
   * pending (an author has at most one per article).
   *
   * @return the revision's id
   */
  long savePending(
      long articleId, int baseVersion, ArticleDraft content, long authorId, Instant at);

  Optional<ArticleRevision> find(long id);

  /**
   * Revisions in this status (any when null), of this author (anyone's when null): pending ones
   * oldest first (the review queue), others last changed first.
   */
  List<ArticleRevision> list(RevisionStatus status, Long authorId, int limit);

  /**
   * Moves a PENDING revision to PUBLISHED or REJECTED.
   *
   * @param publishedVersion the article version the publication made; null for a rejection
   * @return false when it does not exist or is no longer pending (nothing changed)
   */
  boolean close(
      long id,
      RevisionStatus status,
      long reviewerId,
      String note,
      Integer publishedVersion,
      Instant at);
}
