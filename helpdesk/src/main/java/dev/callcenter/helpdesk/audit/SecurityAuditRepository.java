package dev.callcenter.helpdesk.audit;

import java.time.Instant;
import java.util.List;

/** Storage of the security audit trail: appended to, never changed. */
public interface SecurityAuditRepository {

  void append(SecurityEvent event);

  /** Newest first. */
  List<SecurityEvent> find(Filter filter, int limit, int offset);

  /**
   * What to list; null fields do not filter.
   *
   * @param username events whose actor or subject has this username (case-insensitive)
   * @param from inclusive
   * @param to exclusive
   */
  record Filter(SecurityEventKind kind, String username, Instant from, Instant to) {}
}
