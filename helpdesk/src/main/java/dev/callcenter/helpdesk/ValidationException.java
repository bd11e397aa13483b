package dev.callcenter.helpdesk;

import java.util.Map;

/** A value supplied by a client is not acceptable; names the field and why. */
public final class ValidationException extends HelpdeskException {

  public ValidationException(String field, String reason) {
    super(
        Kind.INVALID,
        "invalid_field",
        field + ": " + reason,
        Map.of("field", field, "reason", reason));
  }

  public String field() {
    return (String) details().get("field");
  }
}
