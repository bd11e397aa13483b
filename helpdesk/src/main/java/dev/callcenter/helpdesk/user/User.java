package dev.callcenter.helpdesk.user;

import java.util.Set;

/**
 * A person who logs in: agent, supervisor, technician or administrator.
 *
 * @param active false once an administrator disabled the account: no login, no session
 * @param mustChangePassword set by a password reset; until they choose a new password the user may
 *     do nothing else
 */
public record User(
    long id,
    String username,
    String displayName,
    Set<Role> roles,
    String language,
    String timeZone,
    boolean active,
    boolean mustChangePassword) {

  public User {
    roles = Set.copyOf(roles);
  }

  public boolean hasAnyRole(Set<Role> wanted) {
    return roles.stream().anyMatch(wanted::contains);
  }
}
