package dev.callcenter.helpdesk.user;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.HelpdeskException.Kind;
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
 * Logs users in and out and resolves session tokens. Tokens are random 256-bit values; only their
 * SHA-256 is stored. Resolved sessions are cached briefly so that each API request does not cost a
 * database round trip; a logout on another node takes effect within that cache time.
 */
public final class AuthService {

  private static final Logger log = LoggerFactory.getLogger(AuthService.class);
  private static final Duration CACHE_TIME = Duration.ofSeconds(30);
  // A real hash of a random password, so unknown users cost the same time as wrong passwords.
  private final String decoyHash;

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Duration sessionTtl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(Session session, Instant until) {}

  public AuthService(
      UserRepository users,
      PasswordHasher hasher,
      LoginThrottle throttle,
      Duration sessionTtl,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.throttle = throttle;
    this.sessionTtl = sessionTtl;
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
      throw new HelpdeskException(
          Kind.RATE_LIMITED,
          "too_many_attempts",
          "Too many failed logins; try again in " + retryAfter + " seconds",
          Map.of("retryAfterSeconds", retryAfter));
    }
    Optional<UserRepository.Credentials> found = users.findCredentials(name);
    boolean ok =
        found.isPresent()
            ? hasher.verify(password, found.get().passwordHash()) && found.get().user().active()
            : hasher.verify(password, decoyHash) && false;
    if (!ok) {
      throttle.recordFailure(name, address);
      log.info("Failed login for user {} from {}", name, address);
      throw new HelpdeskException(
          Kind.UNAUTHENTICATED, "invalid_credentials", "Wrong username or password");
    }
    throttle.recordSuccess(name);
    User user = found.get().user();
    String token = randomToken();
    String csrf = randomToken();
    Instant now = clock.instant();
    Instant expires = now.plus(sessionTtl);
    users.insertSession(hash(token), user.id(), csrf, now, expires);
    log.info("User {} logged in from {}", user.username(), address);
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
            .findSession(hash(token), now)
            .map(s -> new Session(token, s.csrfToken(), s.user(), s.expiresAt()));
    session.ifPresentOrElse(
        s -> cache.put(token, new Cached(s, now.plus(CACHE_TIME))), () -> cache.remove(token));
    if (cache.size() > 100_000) {
      cache.clear();
    }
    return session;
  }

  public void logout(String token) {
    if (token == null) {
      return;
    }
    cache.remove(token);
    users.deleteSession(hash(token));
  }

  public int purgeExpiredSessions() {
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
