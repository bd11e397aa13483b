package dev.callcenter.helpdesk.audit;

import dev.callcenter.helpdesk.audit.SecurityAuditRepository.Filter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records logins, revocations, account changes and publications with who, when and from where, and
 * lists them for administrators. Recording never fails the action it records: a database error is
 * logged and the action stands.
 */
public final class SecurityAudit {

  private static final Logger log = LoggerFactory.getLogger(SecurityAudit.class);
  public static final int MAX_PAGE = 200;

  private final SecurityAuditRepository repository;
  private final Clock clock;

  public SecurityAudit(SecurityAuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** Who acted: a user, or a name typed at the login form. */
  public record Actor(Long id, String username, String address) {
    public static Actor anonymous(String typedUsername, String address) {
      return new Actor(null, typedUsername, address);
    }
  }

  /** Records an event about the actor's own account. */
  public void record(SecurityEventKind kind, Actor actor, Map<String, String> detail) {
    record(kind, actor, null, null, detail);
  }

  /** Records an event the actor caused on another account. */
  public void record(
      SecurityEventKind kind,
      Actor actor,
      Long subjectId,
      String subjectUsername,
      Map<String, String> detail) {
    try {
      repository.append(
          new SecurityEvent(
              0,
              clock.instant(),
              kind,
              actor.id(),
              truncate(actor.username()),
              subjectId,
              subjectUsername,
              truncate(actor.address()),
              detail));
    } catch (RuntimeException e) {
      log.error(
          "Could not record security event {} for {}: {}", kind, actor.username(), e.toString());
    }
  }

  public List<SecurityEvent> list(Filter filter, int limit, int offset) {
    return repository.find(filter, Math.min(Math.max(limit, 1), MAX_PAGE), Math.max(offset, 0));
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    String clean = text.replaceAll("\\p{Cc}", "?");
    return clean.length() <= 100 ? clean : clean.substring(0, 100);
  }
}
