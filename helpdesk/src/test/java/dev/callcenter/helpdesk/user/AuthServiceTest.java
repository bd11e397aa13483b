package dev.callcenter.helpdesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthServiceTest {

  private static Database db;
  private static JdbiUserRepository users;
  private static final PasswordHasher HASHER = new PasswordHasher();

  @BeforeAll
  static void setUp() {
    db = TestDatabase.fresh(2);
    users = new JdbiUserRepository(db.jdbi());
    users.upsert("agent1", "Agent One", HASHER.hash("s3cret"), Set.of(Role.AGENT), "zh-TW");
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static AuthService auth(Clock clock) {
    return new AuthService(
        users,
        HASHER,
        new LoginThrottle(3, 10, Duration.ofMinutes(15), clock),
        Duration.ofHours(8),
        clock);
  }

  @Test
  void passwordIsStoredAsArgon2idHash() {
    String hash = users.findCredentials("agent1").orElseThrow().passwordHash();
    assertThat(hash).startsWith("$argon2id$").doesNotContain("s3cret");
    assertThat(HASHER.verify("s3cret", hash)).isTrue();
    assertThat(HASHER.verify("S3cret", hash)).isFalse();
  }

  @Test
  void loginOpensASessionThatAuthenticatesUntilLogout() {
    AuthService auth = auth(Clock.systemUTC());
    Session session = auth.login("agent1", "s3cret", "10.0.0.1");

    assertThat(auth.authenticate(session.token()))
        .get()
        .extracting(s -> s.user().username())
        .isEqualTo("agent1");
    auth.logout(session.token());
    assertThat(auth.authenticate(session.token())).isEmpty();
  }

  @Test
  void sessionExpires() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
    AuthService auth = auth(clock);
    Session session = auth.login("agent1", "s3cret", "10.0.0.2");

    clock.now = clock.now.plus(Duration.ofHours(8)).plusSeconds(1);

    assertThat(auth.authenticate(session.token())).isEmpty();
  }

  @Test
  void wrongPasswordAndUnknownUserGiveTheSameError() {
    AuthService auth = auth(Clock.systemUTC());
    assertThatThrownBy(() -> auth.login("agent1", "nope", "10.0.0.3"))
        .isInstanceOf(HelpdeskException.class)
        .hasMessage("Wrong username or password");
    assertThatThrownBy(() -> auth.login("nobody", "nope", "10.0.0.3"))
        .isInstanceOf(HelpdeskException.class)
        .hasMessage("Wrong username or password");
  }

  @Test
  void repeatedFailuresAreThrottledPerUserUntilTheWindowPasses() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
    AuthService auth = auth(clock);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> auth.login("agent1", "guess", "10.0.0.4"))
          .extracting(e -> ((HelpdeskException) e).code())
          .isEqualTo("invalid_credentials");
    }

    assertThatThrownBy(() -> auth.login("agent1", "s3cret", "10.0.0.4"))
        .extracting(e -> ((HelpdeskException) e).code())
        .isEqualTo("too_many_attempts");

    clock.now = clock.now.plus(Duration.ofMinutes(16));
    assertThat(auth.login("agent1", "s3cret", "10.0.0.4").user().username()).isEqualTo("agent1");
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
