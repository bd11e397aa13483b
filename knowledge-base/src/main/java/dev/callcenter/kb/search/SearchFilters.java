package dev.callcenter.kb.search;

import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;

/** Restrictions on which articles a search may return; a {@code null} component means any. */
public record SearchFilters(
    String product, Language language, Visibility visibility, ArticleStatus status) {

  public static final SearchFilters NONE = new SearchFilters(null, null, null, null);

  public SearchFilters withProduct(String product) {
    return new SearchFilters(product, language, visibility, status);
  }

  public SearchFilters withLanguage(Language language) {
    return new SearchFilters(product, language, visibility, status);
  }

  public SearchFilters withVisibility(Visibility visibility) {
    return new SearchFilters(product, language, visibility, status);
  }

  public SearchFilters withStatus(ArticleStatus status) {
    return new SearchFilters(product, language, visibility, status);
  }

  /** The same filters narrowed to what customers may see: public and published. */
  public SearchFilters publicOnly() {
    return new SearchFilters(product, language, Visibility.PUBLIC, ArticleStatus.PUBLISHED);
  }
}
