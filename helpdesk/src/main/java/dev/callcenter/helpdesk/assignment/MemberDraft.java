package dev.callcenter.helpdesk.assignment;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.util.List;

/**
 * What a manager sends to add a member to a team or change their skills and capacity.
 *
 * @param skills what the member can handle (matched exactly against a ticket's required skills);
 *     trimmed, de-duplicated and sorted, at most 50 of 50 characters
 * @param capacity the most open tickets they should hold, 0 to 1000; null means the team default,
 *     and 0 keeps them in the team without new tickets
 */
public record MemberDraft(List<String> skills, Integer capacity) {

  public MemberDraft {
    skills = Fields.labels("skills", skills, 50, 50);
    if (capacity != null && (capacity < 0 || capacity > TeamDraft.MAX_CAPACITY)) {
      throw new ValidationException(
          "capacity", "must be a whole number from 0 to " + TeamDraft.MAX_CAPACITY + ", or null");
    }
  }
}
