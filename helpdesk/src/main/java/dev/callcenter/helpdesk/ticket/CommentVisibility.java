package dev.callcenter.helpdesk.ticket;

/** Who may read a comment: agents only, or the customer too. */
public enum CommentVisibility {
  INTERNAL,
  PUBLIC
}
