package dev.callcenter.helpdesk.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link UserRepository} on PostgreSQL through Jdbi. */
public final class JdbiUserRepository implements UserRepository {

  private static final byte[] NO_TOKEN = new byte[0];
  private final UserDao dao;

  public JdbiUserRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(UserDao.class);
  }

  @Override
  public Optional<Credentials> findCredentials(String username) {
    return dao.findCredentials(username);
  }

  @Override
  public List<User> list(Role role) {
    return dao.list(role == null ? null : role.name());
  }

  @Override
  public List<UserAccount> listAccounts() {
    return dao.listAccounts();
  }

  @Override
  public Optional<UserAccount> findAccount(long id) {
    return dao.findAccount(id);
  }

  @Override
  public Optional<User> find(long id) {
    return dao.find(id);
  }

  @Override
  public long upsert(
      String username, String displayName, String passwordHash, Set<Role> roles, String language) {
    return dao.upsert(username, displayName, passwordHash, names(roles), language);
  }

  @Override
  public Optional<Long> create(
      String username,
      String displayName,
      String passwordHash,
      Set<Role> roles,
      String language,
      boolean mustChangePassword,
      Instant now) {
    return dao.insert(
        username, displayName, passwordHash, names(roles), language, mustChangePassword, now);
  }

  @Override
  public boolean setRoles(long userId, Set<Role> roles, Instant now) {
    return dao.setRoles(userId, names(roles), now) == 1;
  }

  @Override
  public boolean setActive(long userId, boolean active, Instant now) {
    return dao.setActive(userId, active, now) == 1;
  }

  @Override
  public boolean setPassword(
      long userId, String passwordHash, boolean mustChangePassword, Instant now) {
    return dao.setPassword(userId, passwordHash, mustChangePassword, now) == 1;
  }

  @Override
  public void recordLogin(long userId, Instant at) {
    dao.touchLogin(userId, at);
  }

  @Override
  public int countOtherActiveAdmins(long userId) {
    return dao.countOtherActiveAdmins(userId);
  }

  @Override
  public void insertSession(
      byte[] tokenHash,
      long userId,
      String csrfToken,
      Instant createdAt,
      Instant expiresAt,
      Duration idleTimeout) {
    dao.insertSession(
        tokenHash, userId, csrfToken, createdAt, expiresAt, Math.max(1, idleTimeout.toSeconds()));
  }

  @Override
  public Optional<StoredSession> useSession(byte[] tokenHash, Instant now) {
    return dao.useSession(tokenHash, now);
  }

  @Override
  public Optional<StoredSession> peekSession(byte[] tokenHash, Instant now) {
    return dao.peekSession(tokenHash, now);
  }

  @Override
  public void deleteSession(byte[] tokenHash) {
    dao.deleteSession(tokenHash);
  }

  @Override
  public int deleteUserSessions(long userId, byte[] keepTokenHash) {
    return dao.deleteUserSessions(userId, keepTokenHash == null ? NO_TOKEN : keepTokenHash);
  }

  @Override
  public int deleteExpiredSessions(Instant now) {
    return dao.deleteExpired(now);
  }

  private static List<String> names(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().toList();
  }
}
