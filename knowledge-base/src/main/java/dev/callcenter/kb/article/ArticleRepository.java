package dev.callcenter.kb.article;

import dev.callcenter.kb.ArticleStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Storage of knowledge-base articles, their history and their feedback. Every insert and update
 * also records the saved state as a new {@link ArticleVersion}.
 */
public interface ArticleRepository {

  /**
   * Inserts an article at version 1 and returns its id.
   *
   * @throws dev.callcenter.helpdesk.ConflictException when the external id is taken
   */
  long insert(
      ArticleDraft content,
      ArticleStatus status,
      Long sourceTicketId,
      String change,
      Long by,
      Instant at);

  /**
   * Replaces content and status if the article is still at {@code expectedVersion}.
   *
   * @return false when it does not exist or was saved by someone else meanwhile
   */
  boolean update(
      long id,
      int expectedVersion,
      ArticleDraft content,
      ArticleStatus status,
      String change,
      Long by,
      Instant at);

  /** A new article or a replacement of an existing one's content and status, for batches. */
  record Write(long id, int expectedVersion, ArticleDraft content, ArticleStatus status) {

    /** A new article (no id yet). */
    public static Write create(ArticleDraft content, ArticleStatus status) {
      return new Write(0, 0, content, status);
    }

    public boolean isNew() {
      return id == 0;
    }
  }

  /**
   * Inserts and updates many articles at once (call it inside a transaction), recording each saved
   * state in the history; updates apply only if the article is still at its expected version.
   *
   * @return the ids of the articles written, in the order given; 0 for an update that found its
   *     article at another version (or gone)
   * @throws dev.callcenter.helpdesk.ConflictException when a new article's external id is taken
   */
  long[] writeAll(List<Write> writes, String change, Long by, Instant at);

  /** The articles with these external ids, by external id; missing ones are absent. */
  Map<String, StoredArticle> findByExternalIds(Collection<String> externalIds);

  Optional<StoredArticle> find(long id);

  Optional<StoredArticle> findByExternalId(String externalId);

  /** Articles with an id above {@code afterId}, by id, at most {@code limit}: for full scans. */
  List<StoredArticle> page(long afterId, int limit);

  /** Articles in this status (any when null), last updated first. */
  List<StoredArticle> list(ArticleStatus status, int limit);

  /** Id to current version of every article. */
  Map<Long, Integer> versions();

  /** Every saved state of the article, oldest first. */
  List<ArticleVersion> history(long id);

  /**
   * Records feedback once: a second identical vote (same article, ticket or user, and kind) is
   * ignored.
   *
   * @return true when it was new
   */
  boolean addFeedback(long articleId, FeedbackKind kind, Long ticketId, Long userId, Instant at);

  FeedbackCounts feedbackCounts(long articleId);

  /** Article id to the number of tickets it solved, for articles that solved any. */
  Map<Long, Integer> solvedCounts();

  /** Ids of the articles linked as having solved this ticket. */
  List<Long> solvedBy(long ticketId);
}
