package dev.callcenter.helpdesk;

import java.util.Map;

/** A value supplied by a client is not acceptable; names the field and why. */
public final class ValidationException extends HelpdeskException {

  public ValidationException(String field, String reason) {
    this("invalid_field", field, reason);
  }

  private ValidationException(String code, String field, String reason) {
    super(Kind.INVALID, code, field + ": " + reason, Map.of("field", field, "reason", reason));
  }

  /**
   * {@code invalid_characters}: the value holds a character no text may hold (see {@link
   * Fields#forbiddenCharacterAt}).
   */
  public static ValidationException invalidCharacters(String field, String reason) {
    return new ValidationException("invalid_characters", field, reason);
  }

  /** {@code invalid_encoding}: the bytes sent are not UTF-8. */
  public static ValidationException invalidEncoding(String field, String reason) {
    return new ValidationException("invalid_encoding", field, reason);
  }

  /** The same error about {@code newField}, a nested field's full path for instance. */
  public ValidationException withField(String newField) {
    return new ValidationException(code(), newField, String.valueOf(details().get("reason")));
  }

  public String field() {
    return (String) details().get("field");
  }
}
