package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * What a dispatcher or agent gives to send a technician for a ticket. The site defaults to the
 * equipment's site when the equipment is named and no site is given.
 *
 * @param siteAddress the address to drive to; null takes the equipment's
 * @param lat latitude of the site; null takes the equipment's
 * @param lon longitude of the site; null takes the equipment's
 * @param requiredSkills skills the technician needs; null or empty takes the ticket's
 * @param durationMinutes estimated time on site, 5 to 720
 * @param windowStart start of the arrival window promised to the customer
 * @param windowEnd its end, after the start and at most 14 days later
 * @param parts parts expected to be used
 */
public record DispatchOrderDraft(
    long ticketId,
    Long equipmentId,
    String siteAddress,
    Double lat,
    Double lon,
    List<String> requiredSkills,
    int durationMinutes,
    Instant windowStart,
    Instant windowEnd,
    List<PartQuantity> parts,
    String note) {

  public static final int MAX_NOTE = 5000;

  public DispatchOrderDraft {
    Fields.positive("ticketId", ticketId);
    siteAddress = Fields.optional("siteAddress", siteAddress, 500);
    requiredSkills = Fields.labels("requiredSkills", requiredSkills, 20, 64);
    if (durationMinutes < 5 || durationMinutes > 720) {
      throw new ValidationException("durationMinutes", "must be from 5 to 720");
    }
    Fields.inRange("windowStart", Fields.notNull("windowStart", windowStart));
    Fields.inRange("windowEnd", Fields.notNull("windowEnd", windowEnd));
    if (!windowEnd.isAfter(windowStart)) {
      throw new ValidationException("windowEnd", "must be after windowStart");
    }
    if (Duration.between(windowStart, windowEnd).compareTo(Duration.ofDays(14)) > 0) {
      throw new ValidationException("windowEnd", "must be at most 14 days after windowStart");
    }
    parts = parts == null ? List.of() : List.copyOf(Fields.maxSize("parts", parts, 50));
    var seen = new HashSet<Long>();
    for (PartQuantity p : parts) {
      if (p == null) {
        throw new ValidationException("parts", "must not contain null");
      }
      if (!seen.add(p.partId())) {
        throw new ValidationException("parts", "names part " + p.partId() + " twice");
      }
    }
    note = Fields.optional("note", note, MAX_NOTE);
  }
}
