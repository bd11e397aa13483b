package dev.callcenter.helpdesk;

import java.util.Map;

/** The request is valid but clashes with the record's current state (e.g. a bad transition). */
public final class ConflictException extends HelpdeskException {

  public ConflictException(String code, String message, Map<String, Object> details) {
    super(Kind.CONFLICT, code, message, details);
  }

  public ConflictException(String code, String message) {
    this(code, message, Map.of());
  }
}
