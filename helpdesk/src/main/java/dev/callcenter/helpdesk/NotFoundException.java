package dev.callcenter.helpdesk;

import java.util.Map;

/** The addressed record does not exist (or is not visible to the caller). */
public final class NotFoundException extends HelpdeskException {

  public NotFoundException(String what, Object id) {
    super(
        Kind.NOT_FOUND,
        what + "_not_found",
        what + " " + id + " does not exist",
        Map.of("id", String.valueOf(id)));
  }
}
