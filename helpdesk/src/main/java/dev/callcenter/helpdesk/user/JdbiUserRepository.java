package dev.callcenter.helpdesk.user;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** {@link UserRepository} on PostgreSQL through Jdbi. */
public final class JdbiUserRepository implements UserRepository {

  private final UserDao dao;

  public JdbiUserRepository(Jdbi jdbi) {
    this.dao = jdbi.onDemand(UserDao.class);
  }

  @Override
  public Optional<Credentials> findCredentials(String username) {
    return dao.findCredentials(username);
  }

  @Override
  public java.util.List<User> list(Role role) {
    return dao.list(role == null ? null : role.name());
  }

  @Override
  public Optional<User> find(long id) {
    return dao.find(id);
  }

  @Override
  public long upsert(
      String username, String displayName, String passwordHash, Set<Role> roles, String language) {
    return dao.upsert(
        username,
        displayName,
        passwordHash,
        roles.stream().map(Role::name).sorted().toList(),
        language);
  }

  @Override
  public void insertSession(
      byte[] tokenHash, long userId, String csrfToken, Instant createdAt, Instant expiresAt) {
    dao.insertSession(tokenHash, userId, csrfToken, createdAt, expiresAt);
  }

  @Override
  public Optional<StoredSession> findSession(byte[] tokenHash, Instant now) {
    return dao.findSession(tokenHash, now);
  }

  @Override
  public void deleteSession(byte[] tokenHash) {
    dao.deleteSession(tokenHash);
  }

  @Override
  public int deleteExpiredSessions(Instant now) {
    return dao.deleteExpired(now);
  }
}
