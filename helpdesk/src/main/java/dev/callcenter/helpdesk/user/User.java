package dev.callcenter.helpdesk.user;

import java.util.Set;

/** A person who logs in: agent, supervisor, technician or administrator. */
public record User(
    long id,
    String username,
    String displayName,
    Set<Role> roles,
    String language,
    String timeZone,
    boolean active) {

  public User {
    roles = Set.copyOf(roles);
  }

  public boolean hasAnyRole(Set<Role> wanted) {
    return roles.stream().anyMatch(wanted::contains);
  }
}
