package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import java.time.Instant;
import java.util.List;

/**
 * A dispatcher's change of an open order; null fields stay as they are. Changing the window or the
 * duration of a scheduled order leaves it scheduled: the next plan decides whether it still fits.
 *
 * @param version the version the edit was made on (optimistic locking)
 */
public record DispatchOrderEdit(
    int version,
    String siteAddress,
    Double lat,
    Double lon,
    List<String> requiredSkills,
    Integer durationMinutes,
    Instant windowStart,
    Instant windowEnd,
    Integer priority,
    String note) {

  public DispatchOrderEdit {
    siteAddress = Fields.optional("siteAddress", siteAddress, 500);
    requiredSkills =
        requiredSkills == null ? null : Fields.labels("requiredSkills", requiredSkills, 20, 64);
    if (durationMinutes != null && (durationMinutes < 5 || durationMinutes > 720)) {
      throw new ValidationException("durationMinutes", "must be from 5 to 720");
    }
    if (priority != null && (priority < 1 || priority > 100)) {
      throw new ValidationException("priority", "must be from 1 to 100");
    }
    if ((lat == null) != (lon == null)) {
      throw new ValidationException("lat", "lat and lon go together");
    }
    if (lat != null) {
      new GeoPoint(lat, lon);
    }
    Fields.inRange("windowStart", windowStart);
    Fields.inRange("windowEnd", windowEnd);
    note = Fields.optional("note", note, DispatchOrderDraft.MAX_NOTE);
  }
}
