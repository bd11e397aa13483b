package dev.callcenter.helpdesk.user;

/** What a user may do; checked on the server for every request. */
public enum Role {
  AGENT,
  SUPERVISOR,
  TECHNICIAN,
  ADMIN
}
