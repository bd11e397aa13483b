package dev.callcenter.helpdesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.audit.JdbiSecurityAuditRepository;
import dev.callcenter.helpdesk.audit.SecurityAudit;
import dev.callcenter.helpdesk.audit.SecurityAuditRepository.Filter;
import dev.callcenter.helpdesk.audit.SecurityEvent;
import dev.callcenter.helpdesk.audit.SecurityEventKind;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.testing.MutableClock;
import dev.callcenter.helpdesk.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthServiceTest {

  private static final PasswordHasher HASHER = new PasswordHasher();
  private static final String PASSWORD = "s3cret-enough";
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static Database db;
  private static JdbiUserRepository users;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.fresh(2);
    users = new JdbiUserRepository(db.jdbi());
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  /** A user of its own per test, so tests sharing the database do not meet. */
  private static User newUser(Role... roles) {
    String name = "user" + NAMES.incrementAndGet();
    long id = users.upsert(name, name, HASHER.hash(PASSWORD), Set.of(roles), "zh-TW");
    return users.find(id).orElseThrow();
  }

  /** One server node: its own service and cache over the shared database. */
  private static AuthService node(Clock clock) {
    return new AuthService(
        users,
        HASHER,
        new LoginThrottle(new JdbiLoginFailures(db.jdbi()), 3, 5, Duration.ofMinutes(15), clock),
        audit(clock),
        new AuthService.Lifetimes(Duration.ofHours(8), Duration.ofHours(1), Duration.ofHours(10)),
        clock);
  }

  private static SecurityAudit audit(Clock clock) {
    return new SecurityAudit(new JdbiSecurityAuditRepository(db.jdbi()), clock);
  }

  private static MutableClock clock() {
    return new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
  }

  private static String code(ThrowingCallable call) {
    try {
      call.call();
    } catch (HelpdeskException e) {
      return e.code();
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
    return "ok";
  }

  @Test
  void passwordIsStoredAsArgon2idHash() {
    User user = newUser(Role.AGENT);
    String hash = users.findCredentials(user.username()).orElseThrow().passwordHash();
    assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
    assertThat(HASHER.verify(PASSWORD, hash)).isTrue();
    assertThat(HASHER.verify("S3cret-enough", hash)).isFalse();
  }

  @Test
  void loginOpensASessionThatAuthenticatesUntilLogout() {
    User user = newUser(Role.AGENT);
    AuthService auth = node(Clock.systemUTC());
    Session session = auth.login(user.username(), PASSWORD, "10.0.0.1");

    assertThat(auth.authenticate(session.token()))
        .get()
        .extracting(s -> s.user().username())
        .isEqualTo(user.username());
    auth.logout(session, "10.0.0.1");
    assertThat(auth.authenticate(session.token())).isEmpty();
  }

  @Test
  void sessionEndsAtItsMaximumAgeEvenWhenUsed() {
    User user = newUser(Role.AGENT);
    MutableClock clock = clock();
    AuthService auth = node(clock);
    Session session = auth.login(user.username(), PASSWORD, "10.0.0.2");
    for (int i = 0; i < 15; i++) {
      clock.advance(Duration.ofMinutes(30));
      assertThat(auth.authenticate(session.token())).isPresent();
    }
    clock.advance(Duration.ofMinutes(30).plusSeconds(1));

    assertThat(auth.authenticate(session.token())).isEmpty();
  }

  @Test
  void staffSessionEndsAfterAnIdleHourButNotWhileUsed() {
    User user = newUser(Role.AGENT, Role.TECHNICIAN);
    MutableClock clock = clock();
    AuthService auth = node(clock);
    Session session = auth.login(user.username(), PASSWORD, "10.0.0.2");

    clock.advance(Duration.ofMinutes(59));
    assertThat(auth.authenticate(session.token())).isPresent();
    clock.advance(Duration.ofMinutes(59));
    assertThat(auth.isValid(session.token())).isTrue();
    // Asking whether it is valid (the WebSocket check) is not activity.
    clock.advance(Duration.ofMinutes(2));
    assertThat(auth.isValid(session.token())).isFalse();
    assertThat(auth.authenticate(session.token())).isEmpty();
    assertThat(users.deleteExpiredSessions(clock.instant())).isGreaterThanOrEqualTo(1);
  }

  @Test
  void technicianSessionHasItsOwnIdleTimeout() {
    User user = newUser(Role.TECHNICIAN);
    MutableClock clock = clock();
    AuthService auth = node(clock);
    Session session = auth.login(user.username(), PASSWORD, "10.0.0.2");

    clock.advance(Duration.ofHours(7));
    assertThat(auth.authenticate(session.token())).isPresent();
  }

  @Test
  void wrongPasswordUnknownUserAndDisabledUserGiveTheSameError() {
    User user = newUser(Role.AGENT);
    AuthService auth = node(Clock.systemUTC());
    assertThatThrownBy(() -> auth.login(user.username(), "nope", "10.0.0.3"))
        .isInstanceOf(HelpdeskException.class)
        .hasMessage("Wrong username or password");
    assertThatThrownBy(() -> auth.login("nobody", "nope", "10.0.0.3"))
        .isInstanceOf(HelpdeskException.class)
        .hasMessage("Wrong username or password");
    users.setActive(user.id(), false, Instant.now(Clock.systemUTC()));
    assertThatThrownBy(() -> auth.login(user.username(), PASSWORD, "10.0.0.30"))
        .isInstanceOf(HelpdeskException.class)
        .hasMessage("Wrong username or password");
  }

  @Test
  void failuresSlowThatUsernameFromThatAddressWithGrowingDelaysButNotFromElsewhere() {
    User user = newUser(Role.AGENT);
    MutableClock clock = clock();
    AuthService auth = node(clock);
    for (int i = 0; i < 3; i++) {
      assertThat(code(() -> auth.login(user.username(), "guess", "10.0.1.4")))
          .isEqualTo("invalid_credentials");
    }
    // Beyond the three free failures, even the right password waits (1 s after the 3rd).
    assertThat(code(() -> auth.login(user.username(), PASSWORD, "10.0.1.4")))
        .isEqualTo("too_many_attempts");
    // The same person from their own desk is not locked out by the guesser.
    assertThat(auth.login(user.username(), PASSWORD, "10.0.1.5").user().id()).isEqualTo(user.id());

    clock.advance(Duration.ofSeconds(1));
    assertThat(code(() -> auth.login(user.username(), "guess", "10.0.1.4")))
        .isEqualTo("invalid_credentials");
    // The 4th failure doubles the wait to 2 s.
    clock.advance(Duration.ofSeconds(1));
    assertThat(code(() -> auth.login(user.username(), PASSWORD, "10.0.1.4")))
        .isEqualTo("too_many_attempts");
    clock.advance(Duration.ofSeconds(1));
    assertThat(auth.login(user.username(), PASSWORD, "10.0.1.4").user().id()).isEqualTo(user.id());
    // A success forgives: the next failure is free again.
    assertThat(code(() -> auth.login(user.username(), "guess", "10.0.1.4")))
        .isEqualTo("invalid_credentials");
    assertThat(code(() -> auth.login(user.username(), "guess", "10.0.1.4")))
        .isEqualTo("invalid_credentials");
  }

  @Test
  void throttlingIsSharedByNodesAndSurvivesARestart() {
    User user = newUser(Role.AGENT);
    MutableClock clock = clock();
    AuthService first = node(clock);
    for (int i = 0; i < 3; i++) {
      assertThat(code(() -> first.login(user.username(), "guess", "10.0.2.4")))
          .isEqualTo("invalid_credentials");
    }

    AuthService second = node(clock);
    assertThat(code(() -> second.login(user.username(), PASSWORD, "10.0.2.4")))
        .isEqualTo("too_many_attempts");
  }

  @Test
  void manyUsernamesFailingFromOneAddressSlowThatAddressOnly() {
    MutableClock clock = clock();
    AuthService auth = node(clock);
    // Five different usernames may fail from one address; then the address waits.
    for (int i = 0; i < 5; i++) {
      String name = "stuffed" + NAMES.incrementAndGet();
      assertThat(code(() -> auth.login(name, "password1", "10.0.3.9")))
          .isEqualTo("invalid_credentials");
    }
    User user = newUser(Role.AGENT);

    assertThat(code(() -> auth.login(user.username(), PASSWORD, "10.0.3.9")))
        .isEqualTo("too_many_attempts");
    assertThat(auth.login(user.username(), PASSWORD, "10.0.3.10").user().id()).isEqualTo(user.id());
    assertThat(
            audit(clock)
                .list(
                    new Filter(SecurityEventKind.LOGIN_THROTTLED, user.username(), null, null),
                    10,
                    0))
        .singleElement()
        .satisfies(e -> assertThat(e.address()).isEqualTo("10.0.3.9"));
  }

  @Test
  void revokingEndsEverySessionOfTheUserAtOnceButTheOneKept() {
    User user = newUser(Role.AGENT);
    AuthService auth = node(Clock.systemUTC());
    Session desk = auth.login(user.username(), PASSWORD, "10.0.4.1");
    Session phone = auth.login(user.username(), PASSWORD, "10.0.4.2");
    Session laptop = auth.login(user.username(), PASSWORD, "10.0.4.3");
    assertThat(auth.authenticate(desk.token())).isPresent();

    assertThat(auth.revokeSessions(user.id(), laptop)).isEqualTo(2);

    assertThat(auth.authenticate(desk.token())).isEmpty();
    assertThat(auth.authenticate(phone.token())).isEmpty();
    assertThat(auth.authenticate(laptop.token())).isPresent();
  }

  @Test
  void changingOnesPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
    User user = newUser(Role.AGENT);
    MutableClock clock = clock();
    AuthService auth = node(clock);
    PasswordPolicy policy = PasswordPolicy.standard();
    Session here = auth.login(user.username(), PASSWORD, "10.0.5.1");
    Session elsewhere = auth.login(user.username(), PASSWORD, "10.0.5.2");

    assertThat(
            code(() -> auth.changePassword(here, "wrong", "a-new-passphrase", policy, "10.0.5.1")))
        .isEqualTo("current_password_wrong");
    assertThat(code(() -> auth.changePassword(here, PASSWORD, "password1234", policy, "10.0.5.1")))
        .isEqualTo("password_too_common");
    auth.changePassword(here, PASSWORD, "a-new-passphrase", policy, "10.0.5.1");

    assertThat(auth.authenticate(elsewhere.token())).isEmpty();
    assertThat(auth.authenticate(here.token())).isPresent();
    assertThat(code(() -> auth.login(user.username(), PASSWORD, "10.0.5.3")))
        .isEqualTo("invalid_credentials");
    assertThat(auth.login(user.username(), "a-new-passphrase", "10.0.5.3").user().id())
        .isEqualTo(user.id());
    assertThat(
            audit(clock).list(new Filter(null, user.username(), null, null), 20, 0).stream()
                .map(SecurityEvent::kind))
        .contains(
            SecurityEventKind.PASSWORD_CHANGED,
            SecurityEventKind.LOGIN_SUCCEEDED,
            SecurityEventKind.LOGIN_FAILED);
  }
}
