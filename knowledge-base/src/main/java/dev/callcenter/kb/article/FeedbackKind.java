package dev.callcenter.kb.article;

/** What a reader said about an article. */
public enum FeedbackKind {
  HELPFUL,
  NOT_HELPFUL,
  /** The article solved a ticket; always linked to that ticket. */
  SOLVED
}
