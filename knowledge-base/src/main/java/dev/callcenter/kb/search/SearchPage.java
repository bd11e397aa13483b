package dev.callcenter.kb.search;

import java.util.List;

/** One page of search results and the total number of matching articles. */
public record SearchPage(List<SearchHit> hits, long totalHits, int page, int pageSize) {
  public SearchPage {
    hits = List.copyOf(hits);
  }
}
