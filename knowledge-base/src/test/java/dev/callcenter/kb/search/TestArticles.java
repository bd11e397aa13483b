package dev.callcenter.kb.search;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import java.util.List;

/** Small hand-written articles for index tests. */
final class TestArticles {
  private TestArticles() {}

  static Article english(String id, String title, String resolution) {
    return article(id, title, resolution, Language.EN);
  }

  static Article article(String id, String title, String resolution, Language language) {
    return new Article(
        id,
        "",
        title,
        "",
        "",
        resolution,
        "phones",
        List.of(),
        List.of(),
        language,
        Visibility.PUBLIC,
        ArticleStatus.PUBLISHED);
  }

  static Article withProduct(Article a, String product) {
    return new Article(
        a.id(),
        a.externalId(),
        a.title(),
        a.symptom(),
        a.cause(),
        a.resolution(),
        product,
        a.versions(),
        a.tags(),
        a.language(),
        a.visibility(),
        a.status());
  }

  static Article withVisibility(Article a, Visibility visibility) {
    return new Article(
        a.id(),
        a.externalId(),
        a.title(),
        a.symptom(),
        a.cause(),
        a.resolution(),
        a.product(),
        a.versions(),
        a.tags(),
        a.language(),
        visibility,
        a.status());
  }

  static Article withStatus(Article a, ArticleStatus status) {
    return new Article(
        a.id(),
        a.externalId(),
        a.title(),
        a.symptom(),
        a.cause(),
        a.resolution(),
        a.product(),
        a.versions(),
        a.tags(),
        a.language(),
        a.visibility(),
        status);
  }
}
