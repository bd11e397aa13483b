package dev.callcenter.kb.article;

import dev.callcenter.kb.ArticleStatus;
import java.time.Instant;

/**
 * One saved state of an article in its history.
 *
 * @param change what the save did: created, edited, published, archived, imported, or "revision N
 *     published" when a reviewed revision replaced the content
 * @param authorId who saved it, null when the system did (an import)
 */
public record ArticleVersion(
    long articleId,
    int version,
    ArticleDraft content,
    ArticleStatus status,
    String change,
    Long authorId,
    Instant changedAt) {}
