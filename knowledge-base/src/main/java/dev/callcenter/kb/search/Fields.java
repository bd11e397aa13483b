package dev.callcenter.kb.search;

import dev.callcenter.kb.Language;

/** Field names of the knowledge index. */
final class Fields {
  static final String ID = "id";
  static final String PRODUCT = "product";
  static final String LANGUAGE = "language";
  static final String VISIBILITY = "visibility";
  static final String STATUS = "status";
  static final String TITLE_STORED = "title";
  static final String TITLE_EN = "title_en";
  static final String BODY_EN = "body_en";
  static final String TITLE_ZH = "title_zh";
  static final String BODY_ZH = "body_zh";
  static final String TITLE_SUGGEST = "title_suggest";

  private Fields() {}

  static String title(Language language) {
    return language.isChinese() ? TITLE_ZH : TITLE_EN;
  }

  static String body(Language language) {
    return language.isChinese() ? BODY_ZH : BODY_EN;
  }
}
