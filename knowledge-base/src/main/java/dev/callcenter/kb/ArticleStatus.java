package dev.callcenter.kb;

/** Editorial life cycle of an article; only published articles reach customers. */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}
