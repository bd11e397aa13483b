package dev.callcenter.helpdesk;

import java.util.Map;

/**
 * Root of every error the helpdesk reports to a client: a stable code, a kind that the API maps to
 * an HTTP status, a message a person can act on, and details (for example the offending field).
 */
public class HelpdeskException extends RuntimeException {

  /** What went wrong, independent of the transport. */
  public enum Kind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED,
    UNAVAILABLE
  }

  private final Kind kind;
  private final String code;
  private final Map<String, Object> details;

  public HelpdeskException(Kind kind, String code, String message, Map<String, Object> details) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.details = Map.copyOf(details);
  }

  public HelpdeskException(Kind kind, String code, String message) {
    this(kind, code, message, Map.of());
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }
}
