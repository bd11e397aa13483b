package dev.callcenter.kb.search;

import dev.callcenter.kb.Language;

/**
 * One matching article.
 *
 * @param externalId identifier in the system the article came from, or empty
 * @param score relevance; BM25 when lexical-only, the hybrid blend (about 0 to 1) otherwise
 * @param snippet passage of the body, HTML-escaped, with matched words wrapped in {@code
 *     <mark>}…{@code </mark>}; safe to insert as HTML, and the only markup it contains
 * @param status the article's status ({@code DRAFT}, {@code PUBLISHED}, {@code ARCHIVED})
 * @param visibility {@code INTERNAL} or {@code PUBLIC}
 */
public record SearchHit(
    String articleId,
    String externalId,
    String title,
    String product,
    Language language,
    float score,
    String snippet,
    String status,
    String visibility) {}
