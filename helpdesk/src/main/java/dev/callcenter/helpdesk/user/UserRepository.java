package dev.callcenter.helpdesk.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage of users and their sessions. */
public interface UserRepository {

  /** The user and their password hash, for login. */
  Optional<Credentials> findCredentials(String username);

  Optional<User> find(long id);

  /** Active users, by display name; only those with {@code role} unless it is null. */
  List<User> list(Role role);

  /** Every user, disabled ones too, for administrators. */
  List<UserAccount> listAccounts();

  Optional<UserAccount> findAccount(long id);

  /** Creates or replaces the user with this username (seeding and the add-user command). */
  long upsert(
      String username, String displayName, String passwordHash, Set<Role> roles, String language);

  /** Creates a user; empty when the username is taken. */
  Optional<Long> create(
      String username,
      String displayName,
      String passwordHash,
      Set<Role> roles,
      String language,
      boolean mustChangePassword,
      Instant now);

  /** False when there is no such user. */
  boolean setRoles(long userId, Set<Role> roles, Instant now);

  boolean setActive(long userId, boolean active, Instant now);

  boolean setPassword(long userId, String passwordHash, boolean mustChangePassword, Instant now);

  void recordLogin(long userId, Instant at);

  /** Active administrators other than {@code userId}. */
  int countOtherActiveAdmins(long userId);

  void insertSession(
      byte[] tokenHash,
      long userId,
      String csrfToken,
      Instant createdAt,
      Instant expiresAt,
      Duration idleTimeout);

  /** The live session for this token hash, marked as used at {@code now}. */
  Optional<StoredSession> useSession(byte[] tokenHash, Instant now);

  /** The live session for this token hash, without marking it used. */
  Optional<StoredSession> peekSession(byte[] tokenHash, Instant now);

  void deleteSession(byte[] tokenHash);

  /** Ends every session of the user except the one with {@code keepTokenHash} (may be null). */
  int deleteUserSessions(long userId, byte[] keepTokenHash);

  int deleteExpiredSessions(Instant now);

  /** A user with their stored password hash. */
  record Credentials(User user, String passwordHash) {}

  /** A session row joined with its user. */
  record StoredSession(User user, String csrfToken, Instant expiresAt) {}
}
