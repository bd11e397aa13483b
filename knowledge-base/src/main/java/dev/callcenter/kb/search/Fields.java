package dev.callcenter.kb.search;

import dev.callcenter.kb.Language;

/** Field names of the knowledge index. */
final class Fields {
  static final String ID = "id";
  static final String EXTERNAL_ID = "external_id";
  static final String REVISION = "revision";
  static final String PRODUCT = "product";
  static final String VERSION = "version";
  static final String FIXED_IN = "fixed_in";
  static final String LANGUAGE = "language";
  static final String VISIBILITY = "visibility";
  static final String STATUS = "status";
  static final String TITLE_STORED = "title";
  static final String TITLE_EN = "title_en";
  static final String BODY_EN = "body_en";
  static final String TITLE_ZH = "title_zh";
  static final String BODY_ZH = "body_zh";
  static final String TITLE_SUGGEST = "title_suggest";

  /** Value of {@link #VERSION} for an article that applies to every version. */
  static final String ALL_VERSIONS = "*";

  /** English dense vectors (all-MiniLM-L6-v2): title, body, and title with body. */
  static final String VECTOR_EN_TITLE = "vector_en_title";

  static final String VECTOR_EN_BODY = "vector_en_body";
  static final String VECTOR_EN_BOTH = "vector_en_both";

  /** Chinese dense vector (bge-small-zh-v1.5) of the title in Simplified script. */
  static final String VECTOR_ZH_TITLE = "vector_zh_title";

  private Fields() {}

  static String title(Language language) {
    return language.isChinese() ? TITLE_ZH : TITLE_EN;
  }

  static String body(Language language) {
    return language.isChinese() ? BODY_ZH : BODY_EN;
  }
}
