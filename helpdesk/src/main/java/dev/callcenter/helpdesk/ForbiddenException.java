package dev.callcenter.helpdesk;

import java.util.Map;

/** The caller's roles do not allow this change; the code names the rule that refused it. */
public final class ForbiddenException extends HelpdeskException {

  public ForbiddenException(String code, String message, Map<String, Object> details) {
    super(Kind.FORBIDDEN, code, message, details);
  }

  public ForbiddenException(String code, String message) {
    this(code, message, Map.of());
  }
}
