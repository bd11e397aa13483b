package dev.callcenter.helpdesk.user;

import java.time.Instant;
import java.util.Optional;

/** Storage of users and their sessions. */
public interface UserRepository {

  /** The user and their password hash, for login. */
  Optional<Credentials> findCredentials(String username);

  Optional<User> find(long id);

  /** Active users, by display name; only those with {@code role} unless it is null. */
  java.util.List<User> list(Role role);

  /** Creates or replaces the user with this username (used to seed demo users). */
  long upsert(
      String username,
      String displayName,
      String passwordHash,
      java.util.Set<Role> roles,
      String language);

  void insertSession(
      byte[] tokenHash, long userId, String csrfToken, Instant createdAt, Instant expiresAt);

  /** The live session for this token hash. */
  Optional<StoredSession> findSession(byte[] tokenHash, Instant now);

  void deleteSession(byte[] tokenHash);

  int deleteExpiredSessions(Instant now);

  /** A user with their stored password hash. */
  record Credentials(User user, String passwordHash) {}

  /** A session row joined with its user. */
  record StoredSession(User user, String csrfToken, Instant expiresAt) {}
}
