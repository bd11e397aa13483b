package dev.callcenter.helpdesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Lists the audit changes an edit makes to a ticket, field by field, values as text. */
final class TicketDiff {

  private TicketDiff() {}

  static List<AuditChange> between(Ticket current, TicketUpdate update) {
    List<AuditChange> changes = new ArrayList<>();
    add(changes, AuditField.TITLE, current.title(), update.title());
    add(changes, AuditField.DESCRIPTION, current.description(), update.description());
    add(changes, AuditField.PRIORITY, current.priority(), update.priority());
    add(changes, AuditField.ASSIGNEE, current.assigneeId(), update.assigneeId());
    add(changes, AuditField.TEAM, current.team(), update.team());
    add(changes, AuditField.TAGS, tags(current.tags()), tags(update.tags()));
    add(
        changes,
        AuditField.REQUIRED_SKILLS,
        tags(current.requiredSkills()),
        tags(update.requiredSkills()));
    add(changes, AuditField.PRODUCT, current.product(), update.product());
    add(changes, AuditField.PRODUCT_VERSION, current.productVersion(), update.productVersion());
    add(changes, AuditField.PROMISED_BY, current.promisedBy(), update.promisedBy());
    return changes;
  }

  /** A value as the audit trail stores it: its string form, or null. */
  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static void add(List<AuditChange> changes, AuditField field, Object from, Object to) {
    if (!Objects.equals(from, to)) {
      changes.add(new AuditChange(field, text(from), text(to)));
    }
  }

  private static String tags(List<String> tags) {
    return tags.isEmpty() ? null : String.join(", ", tags);
  }
}
