package dev.callcenter.helpdesk.audit;

/** What happened to an account or to who may read what; the audit trail's stable codes. */
public enum SecurityEventKind {
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  LOGIN_THROTTLED,
  LOGOUT,
  PASSWORD_CHANGED,
  PASSWORD_RESET,
  SESSIONS_REVOKED,
  USER_CREATED,
  ROLES_CHANGED,
  USER_DISABLED,
  USER_ENABLED,
  KB_ARTICLE_PUBLISHED,
  KB_ARTICLE_UNPUBLISHED
}
