package dev.callcenter.kb.search;

import dev.callcenter.kb.Language;

/**
 * One matching article.
 *
 * @param snippet passage of the body, HTML-escaped, with matched words wrapped in {@code
 *     <mark>}…{@code </mark>}; safe to insert as HTML, and the only markup it contains
 */
public record SearchHit(
    String articleId,
    String title,
    String product,
    Language language,
    float score,
    String snippet) {}
