package dev.callcenter.ui.user;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.audit.SecurityAudit;
import dev.callcenter.helpdesk.audit.SecurityAudit.Actor;
import dev.callcenter.helpdesk.audit.SecurityAuditRepository.Filter;
import dev.callcenter.helpdesk.audit.SecurityEvent;
import dev.callcenter.helpdesk.audit.SecurityEventKind;
import dev.callcenter.helpdesk.customer.Languages;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.Session;
import dev.callcenter.helpdesk.user.UserAccount;
import dev.callcenter.helpdesk.user.UserAdministration;
import dev.callcenter.ui.auth.SessionSockets;
import dev.callcenter.ui.http.Api;
import dev.callcenter.ui.http.TrustedProxies;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * User administration and the security audit trail, for administrators only: list, create, change
 * roles, disable and enable, reset passwords, end sessions; read who did what from where.
 */
public final class UserAdminRoutes {

  private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{2,64}");

  private final UserAdministration admin;
  private final SecurityAudit audit;
  private final TrustedProxies proxies;
  private final SessionSockets sockets;

  public UserAdminRoutes(
      UserAdministration admin,
      SecurityAudit audit,
      TrustedProxies proxies,
      SessionSockets sockets) {
    this.admin = admin;
    this.audit = audit;
    this.proxies = proxies;
    this.sockets = sockets;
  }

  /** A user as the administration page shows them. */
  public record AccountView(
      long id,
      String username,
      String displayName,
      List<Role> roles,
      String language,
      boolean active,
      boolean mustChangePassword,
      Instant lastLoginAt,
      Instant createdAt) {
    static AccountView of(UserAccount a) {
      var u = a.user();
      return new AccountView(
          u.id(),
          u.username(),
          u.displayName(),
          u.roles().stream().sorted().toList(),
          u.language(),
          u.active(),
          u.mustChangePassword(),
          a.lastLoginAt(),
          a.createdAt());
    }
  }

  /** A new account with a temporary password the user must change at first login. */
  public record NewUserRequest(
      String username,
      String displayName,
      List<Role> roles,
      String language,
      String temporaryPassword) {
    public NewUserRequest {
      username = Fields.required("username", username, 64);
      if (!USERNAME.matcher(username).matches()) {
        throw new ValidationException(
            "username", "use 2 to 64 letters, digits, dots, dashes, underscores or @");
      }
      displayName = Fields.optional("displayName", displayName, 100);
      roles = roleList(roles);
      language = Languages.of("language", language);
      if (temporaryPassword == null || temporaryPassword.isEmpty()) {
        throw new ValidationException("temporaryPassword", "is required");
      }
    }
  }

  /** The complete new set of roles. */
  public record RolesRequest(List<Role> roles) {
    public RolesRequest {
      roles = roleList(roles);
    }
  }

  /** A temporary password the user must change at next login. */
  public record PasswordResetRequest(String temporaryPassword) {
    public PasswordResetRequest {
      if (temporaryPassword == null || temporaryPassword.isEmpty()) {
        throw new ValidationException("temporaryPassword", "is required");
      }
    }
  }

  /** How many sessions ended. */
  public record Revoked(int sessionsEnded) {}

  private static List<Role> roleList(List<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new ValidationException(
          "roles", "name at least one of AGENT, SUPERVISOR, TECHNICIAN, ADMIN");
    }
    if (roles.contains(null)) {
      throw new ValidationException("roles", "must not contain null");
    }
    return List.copyOf(EnumSet.copyOf(roles));
  }

  public void mount(Router router) {
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/admin/users",
        Api.admins(),
        200,
        ctx -> Map.of("items", admin.list().stream().map(AccountView::of).toList()));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/admin/users",
        Api.admins(),
        201,
        ctx -> {
          NewUserRequest req = Api.body(ctx, NewUserRequest.class);
          return AccountView.of(
              admin.create(
                  actor(ctx),
                  new UserAdministration.NewUser(
                      req.username(),
                      req.displayName() == null ? req.username() : req.displayName(),
                      Set.copyOf(req.roles()),
                      req.language(),
                      req.temporaryPassword())));
        });
    Api.route(
        router,
        HttpMethod.PUT,
        "/api/v1/admin/users/:id/roles",
        Api.admins(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          RolesRequest req = Api.body(ctx, RolesRequest.class);
          return revoked(id, admin.changeRoles(actor(ctx), id, Set.copyOf(req.roles())));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/admin/users/:id/disable",
        Api.admins(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          return revoked(id, admin.setActive(actor(ctx), id, false));
        });
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/admin/users/:id/enable",
        Api.admins(),
        200,
        ctx -> AccountView.of(admin.setActive(actor(ctx), Api.pathId(ctx, "id"), true)));
    Api.route(
        router,
        HttpMethod.POST,
        "/api/v1/admin/users/:id/password-reset",
        Api.admins(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          PasswordResetRequest req = Api.body(ctx, PasswordResetRequest.class);
          return revoked(id, admin.resetPassword(actor(ctx), id, req.temporaryPassword()));
        });
    Api.route(
        router,
        HttpMethod.DELETE,
        "/api/v1/admin/users/:id/sessions",
        Api.admins(),
        200,
        ctx -> {
          long id = Api.pathId(ctx, "id");
          int ended = admin.revokeSessions(actor(ctx), id);
          sockets.userSessionsEnded(id, null);
          return new Revoked(ended);
        });
    Api.route(
        router,
        HttpMethod.GET,
        "/api/v1/audit/security",
        Api.admins(),
        200,
        ctx -> {
          int limit = Api.queryInt(ctx, "limit", 50, 1, SecurityAudit.MAX_PAGE);
          int offset = Api.queryInt(ctx, "offset", 0, 0, 1_000_000);
          Filter filter =
              new Filter(
                  Api.queryEnum(ctx, "kind", SecurityEventKind.class),
                  Fields.optional("username", Api.query(ctx, "username", 100), 100),
                  Api.queryInstant(ctx, "from"),
                  Api.queryInstant(ctx, "to"));
          List<SecurityEvent> items = audit.list(filter, limit, offset);
          return Map.of("items", items, "limit", limit, "offset", offset);
        });
  }

  /** The account after a change that ended its sessions; closes its live screens here. */
  private AccountView revoked(long userId, UserAccount account) {
    sockets.userSessionsEnded(userId, null);
    return AccountView.of(account);
  }

  private Actor actor(RoutingContext ctx) {
    Session session = Api.session(ctx);
    return new Actor(
        session.user().id(), session.user().username(), proxies.clientAddress(ctx.request()));
  }
}
