package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.Fields;
import java.time.Instant;
import java.util.List;

/**
 * The editable fields of a ticket, replaced as a whole; status, type and customer are not among
 * them.
 *
 * @param requiredSkills skills the assignee must have; null is none
 * @param version the version the client edited; a newer stored version is a conflict (null skips
 *     the check)
 */
public record TicketUpdate(
    String title,
    String description,
    Priority priority,
    Long assigneeId,
    String team,
    List<String> tags,
    List<String> requiredSkills,
    String product,
    String productVersion,
    Instant promisedBy,
    Integer version) {

  public TicketUpdate {
    title = Fields.required("title", title, TicketFields.MAX_TITLE);
    description = Fields.optional("description", description, TicketFields.MAX_TEXT);
    Fields.notNull("priority", priority);
    team = Fields.optional("team", team, 64);
    tags = TicketFields.tags(tags);
    requiredSkills = TicketFields.skills(requiredSkills);
    product = Fields.optional("product", product, 200);
    productVersion = Fields.optional("productVersion", productVersion, 100);
  }

  /** The ticket's current editable fields, as a starting point for an edit. */
  public static TicketUpdate of(Ticket t) {
    return new TicketUpdate(
        t.title(),
        t.description(),
        t.priority(),
        t.assigneeId(),
        t.team(),
        t.tags(),
        t.requiredSkills(),
        t.product(),
        t.productVersion(),
        t.promisedBy(),
        t.version());
  }

  public TicketUpdate withTitle(String newTitle) {
    return new TicketUpdate(
        newTitle,
        description,
        priority,
        assigneeId,
        team,
        tags,
        requiredSkills,
        product,
        productVersion,
        promisedBy,
        version);
  }

  public TicketUpdate withPriority(Priority newPriority) {
    return new TicketUpdate(
        title,
        description,
        newPriority,
        assigneeId,
        team,
        tags,
        requiredSkills,
        product,
        productVersion,
        promisedBy,
        version);
  }

  public TicketUpdate withAssignee(Long newAssigneeId, String newTeam) {
    return new TicketUpdate(
        title,
        description,
        priority,
        newAssigneeId,
        newTeam,
        tags,
        requiredSkills,
        product,
        productVersion,
        promisedBy,
        version);
  }

  public TicketUpdate withPromisedBy(Instant newPromisedBy) {
    return new TicketUpdate(
        title,
        description,
        priority,
        assigneeId,
        team,
        tags,
        requiredSkills,
        product,
        productVersion,
        newPromisedBy,
        version);
  }

  /** The same edit, checked against {@code expectedVersion} (null: no check). */
  public TicketUpdate withVersion(Integer expectedVersion) {
    return new TicketUpdate(
        title,
        description,
        priority,
        assigneeId,
        team,
        tags,
        requiredSkills,
        product,
        productVersion,
        promisedBy,
        expectedVersion);
  }

  public TicketUpdate withRequiredSkills(List<String> newRequiredSkills) {
    return new TicketUpdate(
        title,
        description,
        priority,
        assigneeId,
        team,
        tags,
        newRequiredSkills,
        product,
        productVersion,
        promisedBy,
        version);
  }
}
