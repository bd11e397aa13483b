package dev.callcenter.helpdesk.dispatch;

import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.helpdesk.user.UserRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Technicians' skills, home base, weekly hours, days off and van. */
public final class TechnicianService {

  private static final Logger log = LoggerFactory.getLogger(TechnicianService.class);

  private final TechnicianRepository technicians;
  private final UserRepository users;
  private final Clock clock;

  public TechnicianService(TechnicianRepository technicians, UserRepository users, Clock clock) {
    this.technicians = technicians;
    this.users = users;
    this.clock = clock;
  }

  /** Sets the profile of a user with role TECHNICIAN; the first save gives them a van. */
  public Technician save(long userId, TechnicianProfile profile) {
    User user =
        users
            .find(userId)
            .filter(u -> u.roles().contains(Role.TECHNICIAN))
            .orElseThrow(
                () ->
                    new ValidationException(
                        "userId", "user " + userId + " does not exist or is not a technician"));
    technicians.save(userId, "van " + user.username(), profile, clock.instant());
    log.info("Technician {} profile saved", userId);
    return get(userId);
  }

  public Technician get(long userId) {
    return technicians.find(userId).orElseThrow(() -> new NotFoundException("technician", userId));
  }

  public List<Technician> list() {
    return technicians.list();
  }

  public Technician addDayOff(long userId, DayOff day) {
    get(userId);
    technicians.addDayOff(userId, day);
    return get(userId);
  }

  public Technician removeDayOff(long userId, LocalDate day) {
    get(userId);
    technicians.removeDayOff(userId, day);
    return get(userId);
  }
}
