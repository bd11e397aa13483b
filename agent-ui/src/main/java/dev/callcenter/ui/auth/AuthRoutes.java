package dev.callcenter.ui.auth;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.user.AuthService;
import dev.callcenter.helpdesk.user.PasswordPolicy;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.Session;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.ui.http.Api;
import dev.callcenter.ui.http.TrustedProxies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Login, logout, "who am I" and changing one's own password. */
public final class AuthRoutes {

  private final AuthService auth;
  private final PasswordPolicy policy;
  private final TrustedProxies proxies;
  private final boolean secureCookies;
  private final SessionSockets sockets;
  private final java.time.Clock clock;

  /**
   * @param proxies decide the client address recorded and throttled
   * @param sockets closes the WebSockets of sessions that end
   * @param clock sets the session cookie's lifetime
   */
  public AuthRoutes(
      AuthService auth,
      PasswordPolicy policy,
      TrustedProxies proxies,
      boolean secureCookies,
      SessionSockets sockets,
      java.time.Clock clock) {
    this.auth = auth;
    this.policy = policy;
    this.proxies = proxies;
    this.clock = clock;
    this.secureCookies = secureCookies;
    this.sockets = sockets;
  }

  /** The current and the new password. */
  public record PasswordChange(String currentPassword, String newPassword) {
    public PasswordChange {
      if (currentPassword == null || currentPassword.isEmpty()) {
        throw new dev.callcenter.helpdesk.ValidationException("currentPassword", "is required");
      }
      if (newPassword == null || newPassword.isEmpty()) {
        throw new dev.callcenter.helpdesk.ValidationException("newPassword", "is required");
      }
      if (currentPassword.length() > 1000 || newPassword.length() > 1000) {
        throw new dev.callcenter.helpdesk.ValidationException(
            "newPassword", "must be at most 1000 characters");
      }
    }
  }

  /** Username and password as sent by the login form. */
  public record LoginRequest(String username, String password) {
    public LoginRequest {
      username = Fields.required("username", username, 100);
      if (password == null || password.isEmpty()) {
        throw new dev.callcenter.helpdesk.ValidationException("password", "is required");
      }
      if (password.length() > 1000) {
        throw new dev.callcenter.helpdesk.ValidationException(
            "password", "must be at most 1000 characters");
      }
    }
  }

  /** The session handed to the client. */
  public record LoginResponse(String token, String csrfToken, Instant expiresAt, UserView user) {}

  /** What a client may know about a user. */
  public record UserView(
      long id,
      String username,
      String displayName,
      List<Role> roles,
      String language,
      String timeZone,
      boolean mustChangePassword) {
    static UserView of(User u) {
      return new UserView(
          u.id(),
          u.username(),
          u.displayName(),
          u.roles().stream().sorted().toList(),
          u.language(),
          u.timeZone(),
          u.mustChangePassword());
    }
  }

  /** Mounts the public login route. */
  public void mountPublic(Router router) {
    router.post("/api/v1/auth/login").handler(this::login);
  }

  /** Mounts routes that need a session. */
  public void mountProtected(Router router) {
    router.post("/api/v1/auth/logout").handler(this::logout);
    router.get("/api/v1/auth/me").handler(Api.anyone()).handler(this::me);
    router.post("/api/v1/auth/password").handler(Api.anyone()).handler(this::changePassword);
  }

  private void login(RoutingContext ctx) {
    String address = proxies.clientAddress(ctx.request());
    ctx.vertx()
        .executeBlocking(
            () -> {
              LoginRequest req = Api.body(ctx, LoginRequest.class);
              return auth.login(req.username(), req.password(), address);
            },
            false)
        .onFailure(ctx::fail)
        .onSuccess(
            session -> {
              ctx.response().addCookie(cookie(session));
              Api.send(
                  ctx,
                  200,
                  new LoginResponse(
                      session.token(),
                      session.csrfToken(),
                      session.expiresAt(),
                      UserView.of(session.user())));
            });
  }

  private Cookie cookie(Session session) {
    long maxAge = Duration.between(clock.instant(), session.expiresAt()).toSeconds();
    return Cookie.cookie(AuthHandler.COOKIE, session.token())
        .setHttpOnly(true)
        .setSecure(secureCookies)
        .setSameSite(CookieSameSite.STRICT)
        .setPath("/")
        .setMaxAge(Math.max(0, maxAge));
  }

  private void changePassword(RoutingContext ctx) {
    Session session = Api.session(ctx);
    String address = proxies.clientAddress(ctx.request());
    Api.respond(
        ctx,
        204,
        () -> {
          PasswordChange change = Api.body(ctx, PasswordChange.class);
          auth.changePassword(
              session, change.currentPassword(), change.newPassword(), policy, address);
          sockets.userSessionsEnded(session.user().id(), session.token());
          return null;
        });
  }

  private void logout(RoutingContext ctx) {
    Session session = Api.session(ctx);
    String address = proxies.clientAddress(ctx.request());
    ctx.response()
        .addCookie(
            Cookie.cookie(AuthHandler.COOKIE, "")
                .setHttpOnly(true)
                .setSecure(secureCookies)
                .setSameSite(CookieSameSite.STRICT)
                .setPath("/")
                .setMaxAge(0));
    Api.respond(
        ctx,
        204,
        () -> {
          auth.logout(session, address);
          sockets.sessionEnded(session.token());
          return null;
        });
  }

  private void me(RoutingContext ctx) {
    Session s = Api.session(ctx);
    Api.send(
        ctx, 200, new LoginResponse(null, s.csrfToken(), s.expiresAt(), UserView.of(s.user())));
  }
}
