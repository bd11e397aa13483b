package dev.callcenter.kb.article;

/** Where a revision stands: waiting for review, made live, or turned down. */
public enum RevisionStatus {
  PENDING,
  PUBLISHED,
  REJECTED
}
