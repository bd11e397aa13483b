package dev.callcenter.ui.user;

import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.UserRepository;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GET /api/v1/users}: who can be given a ticket or a follow-up (staff only). */
public final class UserRoutes {
  private final UserRepository users;

  public UserRoutes(UserRepository users) {
    this.users = users;
  }

  /** A colleague as the pages show them. */
  public record Colleague(long id, String username, String displayName, List<Role> roles) {}

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/users",
        Api.staff(),
        200,
        ctx -> {
          String wanted = Api.query(ctx, "role", 20);
          Role role = null;
          if (wanted != null) {
            try {
              role = Role.valueOf(wanted.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
              throw new ValidationException(
                  "role", "must be one of agent, supervisor, technician, admin");
            }
          }
          return Map.of(
              "items",
              users.list(role).stream()
                  .map(
                      u ->
                          new Colleague(
                              u.id(),
                              u.username(),
                              u.displayName(),
                              u.roles().stream().sorted().toList()))
                  .toList());
        });
  }
}
