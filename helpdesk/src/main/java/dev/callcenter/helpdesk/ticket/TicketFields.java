package dev.callcenter.helpdesk.ticket;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validation shared by the records that create and edit tickets. */
final class TicketFields {

  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 20_000;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 50;
  static final int MAX_SKILLS = 20;
  static final int MAX_SKILL = 50;

  private TicketFields() {}

  /** Trimmed, non-blank, de-duplicated tags in their given order; at most 20 of 50 characters. */
  static List<String> tags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    Fields.maxSize("tags", tags, MAX_TAGS);
    Set<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < tags.size(); i++) {
      unique.add(Fields.required("tags[" + i + "]", tags.get(i), MAX_TAG));
    }
    return List.copyOf(unique);
  }

  /** Distinct, sorted skills; at most 20 of 50 characters. */
  static List<String> skills(List<String> skills) {
    return Fields.labels("requiredSkills", skills, MAX_SKILLS, MAX_SKILL);
  }

  /** Complaints must carry the deadline promised to the customer; other types may. */
  static void requirePromiseForComplaint(TicketType type, Instant promisedBy) {
    if (type == TicketType.COMPLAINT && promisedBy == null) {
      throw new ValidationException(
          "promisedBy", "is required for complaints: the deadline promised to the customer");
    }
  }
}
