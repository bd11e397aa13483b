package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.Fields;

/** A comment to add to a ticket: an internal note for agents or a reply visible to the customer. */
public record CommentDraft(CommentVisibility visibility, String body) {

  public CommentDraft {
    Fields.notNull("visibility", visibility);
    body = Fields.required("body", body, TicketFields.MAX_TEXT);
  }
}
