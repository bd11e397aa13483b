package dev.callcenter.kb.search;

import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;

/**
 * Restrictions on which articles a search may return; a {@code null} component means any.
 *
 * @param version the customer's installed product version: only articles that apply to it (or to
 *     every version) are returned, and with a {@code product}, known issues fixed in a later
 *     version come first (the fix or upgrade article)
 */
public record SearchFilters(
    String product,
    Language language,
    Visibility visibility,
    ArticleStatus status,
    String version) {

  public static final SearchFilters NONE = new SearchFilters(null, null, null, null, null);

  public SearchFilters(
      String product, Language language, Visibility visibility, ArticleStatus status) {
    this(product, language, visibility, status, null);
  }

  public SearchFilters withProduct(String product) {
    return new SearchFilters(product, language, visibility, status, version);
  }

  public SearchFilters withLanguage(Language language) {
    return new SearchFilters(product, language, visibility, status, version);
  }

  public SearchFilters withVisibility(Visibility visibility) {
    return new SearchFilters(product, language, visibility, status, version);
  }

  public SearchFilters withStatus(ArticleStatus status) {
    return new SearchFilters(product, language, visibility, status, version);
  }

  /** The customer's installed version of {@link #product()}. */
  public SearchFilters withVersion(String version) {
    return new SearchFilters(product, language, visibility, status, version);
  }

  /** The same filters narrowed to what customers may see: public and published. */
  public SearchFilters publicOnly() {
    return new SearchFilters(
        product, language, Visibility.PUBLIC, ArticleStatus.PUBLISHED, version);
  }
}
