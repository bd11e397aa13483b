package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import java.util.Set;

/**
 * Who changes a dispatch record and from where (the client's address), for the audit trail; a null
 * user is the system (the optimiser, a job).
 */
public record Actor(User user, String address) {

  public static Actor system() {
    return new Actor(null, null);
  }

  public Long userId() {
    return user == null ? null : user.id();
  }

  /** Supervisors, admins and the system plan and change any order. */
  public boolean dispatcher() {
    return user == null || user.hasAnyRole(Set.of(Role.SUPERVISOR, Role.ADMIN));
  }

  /** A technician who is not also a dispatcher or agent: sees only their own orders. */
  public boolean technicianOnly() {
    return user != null
        && user.roles().contains(Role.TECHNICIAN)
        && !user.hasAnyRole(Set.of(Role.SUPERVISOR, Role.ADMIN, Role.AGENT));
  }
}
