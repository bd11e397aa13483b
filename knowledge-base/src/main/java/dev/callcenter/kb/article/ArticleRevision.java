package dev.callcenter.kb.article;

import java.time.Instant;

/**
 * A proposed change to an article, waiting for (or past) a supervisor's review.
 *
 * @param baseVersion the article version the author edited
 * @param content the article as the author would have it
 * @param reviewedBy who published or rejected it; null while pending
 * @param reviewNote what the reviewer wrote to the author, if anything
 * @param publishedVersion the article version its publication made; null unless published
 */
public record ArticleRevision(
    long id,
    long articleId,
    int baseVersion,
    ArticleDraft content,
    RevisionStatus status,
    long authorId,
    Instant createdAt,
    Instant updatedAt,
    Long reviewedBy,
    Instant reviewedAt,
    String reviewNote,
    Integer publishedVersion) {}
