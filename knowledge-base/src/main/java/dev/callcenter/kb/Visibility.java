package dev.callcenter.kb;

/** Who may read an article: agents only, or also customers through public search. */
public enum Visibility {
  INTERNAL,
  PUBLIC
}
