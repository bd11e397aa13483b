package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.Fields;
import java.time.Instant;
import java.util.List;

/**
 * What a client sends to open a ticket.
 *
 * @param priority defaults to NORMAL
 * @param requiredSkills skills the assignee must have (for automatic assignment); null is none
 * @param source defaults to AGENT
 * @param pbxLinkedid the PBX Linkedid of the call the ticket came from, if any
 * @param promisedBy the deadline promised to the customer; required for complaints
 */
public record TicketDraft(
    TicketType type,
    String title,
    String description,
    Priority priority,
    Long customerId,
    Long assigneeId,
    String team,
    List<String> tags,
    List<String> requiredSkills,
    TicketSource source,
    String pbxLinkedid,
    String product,
    String productVersion,
    Instant promisedBy) {

  public TicketDraft {
    Fields.notNull("type", type);
    title = Fields.required("title", title, TicketFields.MAX_TITLE);
    description = Fields.optional("description", description, TicketFields.MAX_TEXT);
    priority = priority == null ? Priority.NORMAL : priority;
    Fields.notNull("customerId", customerId);
    team = Fields.optional("team", team, 64);
    tags = TicketFields.tags(tags);
    requiredSkills = TicketFields.skills(requiredSkills);
    source = source == null ? TicketSource.AGENT : source;
    pbxLinkedid = Fields.optional("pbxLinkedid", pbxLinkedid, 150);
    product = Fields.optional("product", product, 200);
    productVersion = Fields.optional("productVersion", productVersion, 100);
    Fields.inRange("promisedBy", promisedBy);
    TicketFields.requirePromiseForComplaint(type, promisedBy);
  }

  /** A draft that needs no particular skill. */
  public TicketDraft(
      TicketType type,
      String title,
      String description,
      Priority priority,
      Long customerId,
      Long assigneeId,
      String team,
      List<String> tags,
      TicketSource source,
      String pbxLinkedid,
      String product,
      String productVersion,
      Instant promisedBy) {
    this(
        type,
        title,
        description,
        priority,
        customerId,
        assigneeId,
        team,
        tags,
        List.of(),
        source,
        pbxLinkedid,
        product,
        productVersion,
        promisedBy);
  }

  /** A minimal draft: the given type, title and customer, everything else defaulted. */
  public static TicketDraft of(TicketType type, String title, long customerId, Instant promisedBy) {
    return new TicketDraft(
        type, title, null, null, customerId, null, null, null, null, null, null, null, promisedBy);
  }
}
