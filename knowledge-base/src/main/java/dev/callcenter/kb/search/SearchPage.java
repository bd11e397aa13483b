package dev.callcenter.kb.search;

import java.util.List;

/**
 * One page of search results and the number of matching articles: exact up to 1,000, a lower bound
 * beyond (counting every match would slow down large result sets).
 */
public record SearchPage(List<SearchHit> hits, long totalHits, int page, int pageSize) {
  public SearchPage {
    hits = List.copyOf(hits);
  }
}
