package dev.callcenter.kb.search;

import dev.callcenter.kb.KnowledgeBaseException;
import java.util.Objects;

/**
 * A free-text search, one page of results.
 *
 * @param text what the agent or customer typed; no query syntax is interpreted
 * @param page zero-based page number
 * @param pageSize hits per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record SearchRequest(String text, SearchFilters filters, int page, int pageSize) {
  public static final int MAX_PAGE_SIZE = 100;

  private static final java.util.regex.Pattern INVISIBLE =
      java.util.regex.Pattern.compile("[\\p{Z}\\p{C}\\uFFFD]+");

  /** Deepest hit reachable by paging; keeps one request's cost bounded. */
  public static final int MAX_DEPTH = 1000;

  public SearchRequest {
    // Separators, control, format and unassigned characters (no-break and zero-width spaces, BOM,
    // lone surrogates) and U+FFFD carry no words: a query of only those is an empty query.
    text = INVISIBLE.matcher(Objects.requireNonNullElse(text, "")).replaceAll(" ").strip();
    filters = Objects.requireNonNullElse(filters, SearchFilters.NONE);
    if (page < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new KnowledgeBaseException("invalid page %d of size %d".formatted(page, pageSize));
    }
    if ((long) (page + 1) * pageSize > MAX_DEPTH) {
      throw new KnowledgeBaseException(
          "page %d is beyond the deepest hit %d".formatted(page, MAX_DEPTH));
    }
  }

  public static SearchRequest of(String text) {
    return new SearchRequest(text, SearchFilters.NONE, 0, 10);
  }

  public SearchRequest withFilters(SearchFilters filters) {
    return new SearchRequest(text, filters, page, pageSize);
  }

  public SearchRequest withPage(int page, int pageSize) {
    return new SearchRequest(text, filters, page, pageSize);
  }
}
