package dev.callcenter.helpdesk.user;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.HelpdeskException.Kind;
import dev.callcenter.helpdesk.audit.SecurityAudit;
import dev.callcenter.helpdesk.audit.SecurityAudit.Actor;
import dev.callcenter.helpdesk.audit.SecurityEventKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs users in and out, resolves session tokens and ends sessions. Tokens are random 256-bit
 * values; only their SHA-256 is stored. A session ends at its maximum age or after its idle timeout
 * without a request, whichever comes first. Resolved sessions are cached briefly so that each API
 * request does not cost a database round trip; a logout or revocation on this node takes effect at
 * once, on another node within that cache time.
 */
public final class AuthService {

  private static final Logger log = LoggerFactory.getLogger(AuthService.class);
  private static final Duration CACHE_TIME = Duration.ofSeconds(30);
  // A real hash of a random password, so unknown users cost the same time as wrong passwords.
  private final String decoyHash;

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final SecurityAudit audit;
  private final Lifetimes lifetimes;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Session session, Instant until) {}

  /**
   * How long sessions last.
   *
   * @param maximum from login, whatever the activity
   * @param idle without a request, for staff
   * @param technicianIdle without a request, for users who are only technicians (their page works
   *     offline in the field, so it may not call for hours)
   */
  public record Lifetimes(Duration maximum, Duration idle, Duration technicianIdle) {
    Duration idleFor(User user) {
      return user.roles().equals(java.util.Set.of(Role.TECHNICIAN)) ? technicianIdle : idle;
    }
  }

  public AuthService(
      UserRepository users,
      PasswordHasher hasher,
      LoginThrottle throttle,
      SecurityAudit audit,
      Lifetimes lifetimes,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.audit = audit;
    this.lifetimes = lifetimes;
    this.clock = clock;
    this.decoyHash = hasher.hash(randomToken());
  }

  /** Checks the password and opens a session; throws 401 or 429 errors. */
  public Session login(String username, String password, String address) {
    if (username == null || password == null || username.isBlank() || password.isEmpty()) {
      throw new HelpdeskException(
          Kind.INVALID, "credentials_required", "Enter your username and password");
    }
    String name = username.strip();
    long retryAfter = throttle.retryAfterSeconds(name, address);
    if (retryAfter > 0) {
      log.warn("Login throttled for user {} from {}", name, address);
      audit.record(
          SecurityEventKind.LOGIN_THROTTLED,
          Actor.anonymous(name, address),
          Map.of("retryAfterSeconds", String.valueOf(retryAfter)));
      throw new HelpdeskException(
          Kind.RATE_LIMITED,
          "too_many_attempts",
          "Too many failed logins; try again in " + retryAfter + " seconds",
          Map.of("retryAfterSeconds", retryAfter));
    }
    Optional<UserRepository.Credentials> found = users.findCredentials(name);
    boolean passwordOk =
        found.isPresent()
            ? hasher.verify(password, found.get().passwordHash())
            : hasher.verify(password, decoyHash) && false;
    if (!passwordOk || !found.get().user().active()) {
      throttle.recordFailure(name, address);
      log.info("Failed login for user {} from {}", name, address);
      String reason = found.isEmpty() ? "unknown_user" : passwordOk ? "disabled" : "wrong_password";
      audit.record(
          SecurityEventKind.LOGIN_FAILED,
          new Actor(found.map(c -> c.user().id()).orElse(null), name, address),
          Map.of("reason", reason));
      throw new HelpdeskException(
          Kind.UNAUTHENTICATED, "invalid_credentials", "Wrong username or password");
    }
    throttle.recordSuccess(name, address);
    User user = found.get().user();
    String token = randomToken();
    String csrf = randomToken();
    Instant now = clock.instant();
    Instant expires = now.plus(lifetimes.maximum());
    users.insertSession(hash(token), user.id(), csrf, now, expires, lifetimes.idleFor(user));
    users.recordLogin(user.id(), now);
    log.info("User {} logged in from {}", user.username(), address);
    audit.record(
        SecurityEventKind.LOGIN_SUCCEEDED,
        new Actor(user.id(), user.username(), address),
        user.mustChangePassword() ? Map.of("mustChangePassword", "true") : Map.of());
    return new Session(token, csrf, user, expires);
  }

  /**
   * The session for this token if it was resolved recently; never blocks, so the HTTP layer can
   * call it on the event loop and only go to a worker thread (and the database) on a miss.
   */
  public Optional<Session> cached(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Cached cached = cache.get(token);
    if (cached != null
        && now.isBefore(cached.until())
        && now.isBefore(cached.session().expiresAt())) {
      return Optional.of(cached.session());
    }
    return Optional.empty();
  }

  /** The session for this token, if it is valid now. */
  public Optional<Session> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    Optional<Session> hit = cached(token);
    if (hit.isPresent()) {
      return hit;
    }
    Instant now = clock.instant();
    Optional<Session> session =
        users
            .useSession(hash(token), now)
            .map(s -> new Session(token, s.csrfToken(), s.user(), s.expiresAt()));
    session.ifPresentOrElse(
        s -> cache.put(token, new Cached(s, now.plus(CACHE_TIME))), () -> cache.remove(token));
    if (cache.size() > 100_000) {
      cache.clear();
    }
    return session;
  }

  /**
   * Whether the session is still valid, without counting the question as activity (for the periodic
   * check of open WebSockets).
   */
  public boolean isValid(String token) {
    if (token == null || token.isEmpty() || token.length() > 100) {
      return false;
    }
    boolean valid = users.peekSession(hash(token), clock.instant()).isPresent();
    if (!valid) {
      cache.remove(token);
    }
    return valid;
  }

  public void logout(Session session, String address) {
    cache.remove(session.token());
    users.deleteSession(hash(session.token()));
    audit.record(
        SecurityEventKind.LOGOUT,
        new Actor(session.user().id(), session.user().username(), address),
        Map.of());
  }

  /**
   * Ends every session of {@code userId} at once, but {@code keep} (the caller's own session when
   * they change their own password; null for none). Returns how many ended.
   */
  public int revokeSessions(long userId, Session keep) {
    String kept = keep == null ? null : keep.token();
    cache
        .entrySet()
        .removeIf(e -> e.getValue().session().user().id() == userId && !e.getKey().equals(kept));
    return users.deleteUserSessions(userId, kept == null ? null : hash(kept));
  }

  /**
   * Changes the caller's own password: the current one must be right and the new one must pass the
   * policy; their other sessions end. Clears a forced change.
   */
  public void changePassword(
      Session session, String current, String replacement, PasswordPolicy policy, String address) {
    User user = session.user();
    long retryAfter = throttle.retryAfterSeconds(user.username(), address);
    if (retryAfter > 0) {
      throw new HelpdeskException(
          Kind.RATE_LIMITED,
          "too_many_attempts",
          "Too many wrong passwords; try again in " + retryAfter + " seconds",
          Map.of("retryAfterSeconds", retryAfter));
    }
    String stored =
        users
            .findCredentials(user.username())
            .map(UserRepository.Credentials::passwordHash)
            .orElse(decoyHash);
    if (current == null || !hasher.verify(current, stored)) {
      throttle.recordFailure(user.username(), address);
      throw new HelpdeskException(
          Kind.INVALID,
          "current_password_wrong",
          "The current password is not right",
          Map.of("field", "currentPassword"));
    }
    policy.check(user.username(), replacement);
    if (replacement.equals(current)) {
      throw new HelpdeskException(
          Kind.INVALID,
          "password_unchanged",
          "Choose a password different from the current one",
          Map.of("field", "newPassword"));
    }
    users.setPassword(user.id(), hasher.hash(replacement), false, clock.instant());
    int ended = revokeSessions(user.id(), session);
    cache.remove(session.token());
    audit.record(
        SecurityEventKind.PASSWORD_CHANGED,
        new Actor(user.id(), user.username(), address),
        Map.of("otherSessionsEnded", String.valueOf(ended)));
  }

  /** Deletes ended sessions and failed logins that no longer count. */
  public int purgeExpiredSessions() {
    throttle.purge();
    return users.deleteExpiredSessions(clock.instant());
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
