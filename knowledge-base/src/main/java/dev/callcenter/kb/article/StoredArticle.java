package dev.callcenter.kb.article;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.ArticleStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * An article as stored in the database, the source of truth.
 *
 * @param sourceTicketId the resolved ticket it was drafted from, or null
 * @param version number of the newest saved state (1 on creation), for optimistic locking
 * @param createdBy the author who created it, null when imported by the system
 */
public record StoredArticle(
    long id,
    ArticleDraft content,
    ArticleStatus status,
    Long sourceTicketId,
    int version,
    Long createdBy,
    Instant createdAt,
    Long updatedBy,
    Instant updatedAt) {

  /** The article as the search index holds it; its id is the database id as text. */
  public Article toIndexed() {
    return toIndexed(id, content, status, version);
  }

  /**
   * The article as the search index holds it, from what was just written: an import indexes its
   * batch from the rows it wrote rather than reading them back.
   */
  public static Article toIndexed(long id, ArticleDraft c, ArticleStatus status, int version) {
    return new Article(
        Long.toString(id),
        Objects.requireNonNullElse(c.externalId(), ""),
        c.title(),
        c.symptom(),
        c.cause(),
        c.resolution(),
        Objects.requireNonNullElse(c.product(), ""),
        c.versions(),
        c.tags(),
        c.language(),
        c.visibility(),
        status,
        Objects.requireNonNullElse(c.fixedInVersion(), ""),
        version);
  }
}
