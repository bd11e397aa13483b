package dev.callcenter.helpdesk.user;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.HelpdeskException.Kind;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.audit.SecurityAudit;
import dev.callcenter.helpdesk.audit.SecurityAudit.Actor;
import dev.callcenter.helpdesk.audit.SecurityEventKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What administrators do to accounts: create, change roles, disable and enable, reset passwords,
 * end sessions. Every change that takes rights away ends the user's sessions at once and is
 * recorded in the security audit trail. The last active administrator cannot be disabled or lose
 * the role, so the center is never left without one.
 */
public final class UserAdministration {

  private static final Logger log = LoggerFactory.getLogger(UserAdministration.class);

  private final UserRepository users;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AuthService auth;
  private final SecurityAudit audit;
  private final Clock clock;

  public UserAdministration(
      UserRepository users,
      PasswordHasher hasher,
      PasswordPolicy policy,
      AuthService auth,
      SecurityAudit audit,
      Clock clock) {
    this.users = users;
    this.hasher = hasher;
    this.policy = policy;
    this.auth = auth;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new account; it must choose its own password at first login. */
  public record NewUser(
      String username,
      String displayName,
      Set<Role> roles,
      String language,
      String temporaryPassword) {}

  public List<UserAccount> list() {
    return users.listAccounts();
  }

  public PasswordPolicy policy() {
    return policy;
  }

  public UserAccount create(Actor admin, NewUser request) {
    policy.check(request.username(), request.temporaryPassword());
    long id =
        users
            .create(
                request.username(),
                request.displayName(),
                hasher.hash(request.temporaryPassword()),
                request.roles(),
                request.language(),
                true,
                clock.instant())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "username_taken", "A user named " + request.username() + " exists"));
    audit.record(
        SecurityEventKind.USER_CREATED,
        admin,
        id,
        request.username(),
        Map.of("roles", names(request.roles())));
    log.info(
        "User {} created by {} with roles {}",
        request.username(),
        admin.username(),
        request.roles());
    return account(id);
  }

  /** Replaces the user's roles; their sessions end so the new roles apply at once. */
  public UserAccount changeRoles(Actor admin, long userId, Set<Role> roles) {
    User user = user(userId);
    if (user.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
      requireAnotherAdmin(userId, "remove the admin role from");
    }
    users.setRoles(userId, roles, clock.instant());
    int ended = auth.revokeSessions(userId, null);
    audit.record(
        SecurityEventKind.ROLES_CHANGED,
        admin,
        userId,
        user.username(),
        Map.of(
            "from", names(user.roles()),
            "to", names(roles),
            "sessionsEnded", String.valueOf(ended)));
    return account(userId);
  }

  /** Disables or enables the account; disabling ends its sessions at once. */
  public UserAccount setActive(Actor admin, long userId, boolean active) {
    User user = user(userId);
    if (!active) {
      if (admin.id() != null && admin.id() == userId) {
        throw new HelpdeskException(
            Kind.CONFLICT, "cannot_disable_self", "You cannot disable your own account");
      }
      if (user.roles().contains(Role.ADMIN)) {
        requireAnotherAdmin(userId, "disable");
      }
    }
    users.setActive(userId, active, clock.instant());
    int ended = active ? 0 : auth.revokeSessions(userId, null);
    audit.record(
        active ? SecurityEventKind.USER_ENABLED : SecurityEventKind.USER_DISABLED,
        admin,
        userId,
        user.username(),
        Map.of("sessionsEnded", String.valueOf(ended)));
    return account(userId);
  }

  /** Sets a temporary password the user must change at next login, and ends their sessions. */
  public UserAccount resetPassword(Actor admin, long userId, String temporaryPassword) {
    User user = user(userId);
    policy.check(user.username(), temporaryPassword);
    users.setPassword(userId, hasher.hash(temporaryPassword), true, clock.instant());
    int ended = auth.revokeSessions(userId, null);
    audit.record(
        SecurityEventKind.PASSWORD_RESET,
        admin,
        userId,
        user.username(),
        Map.of("sessionsEnded", String.valueOf(ended)));
    return account(userId);
  }

  /** Ends every session of the user (a lost phone, a shared screen). */
  public int revokeSessions(Actor admin, long userId) {
    User user = user(userId);
    int ended = auth.revokeSessions(userId, null);
    audit.record(
        SecurityEventKind.SESSIONS_REVOKED,
        admin,
        userId,
        user.username(),
        Map.of("sessionsEnded", String.valueOf(ended)));
    return ended;
  }

  private void requireAnotherAdmin(long userId, String what) {
    if (users.countOtherActiveAdmins(userId) == 0) {
      throw new HelpdeskException(
          Kind.CONFLICT,
          "last_admin",
          "You cannot " + what + " the last active administrator; make someone else admin first");
    }
  }

  private User user(long userId) {
    return users.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
  }

  private UserAccount account(long userId) {
    return users.findAccount(userId).orElseThrow(() -> new NotFoundException("user", userId));
  }

  private static String names(Set<Role> roles) {
    return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }
}
