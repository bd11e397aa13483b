package dev.callcenter.helpdesk.followup;

import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import java.util.Set;

/**
 * Whose follow-ups a read or a change may reach: everyone's (supervisors, admins and the system),
 * or those a user owns plus those shared with a team the user belongs to (a follow-up's {@code
 * team}, such as the queue of an IVR callback, lets the team's members cover for its owner).
 *
 * @param userId the user whose reach this is; null for everyone's
 */
public record FollowUpScope(Long userId) {

  /** Every follow-up, whoever owns it. */
  public static final FollowUpScope EVERYONE = new FollowUpScope(null);

  private static final Set<Role> SEE_ALL = Set.of(Role.SUPERVISOR, Role.ADMIN);

  /** What {@code user} may read and change: supervisors and admins all, others their own. */
  public static FollowUpScope of(User user) {
    return user.hasAnyRole(SEE_ALL) ? EVERYONE : new FollowUpScope(user.id());
  }

  public boolean everyone() {
    return userId == null;
  }
}
