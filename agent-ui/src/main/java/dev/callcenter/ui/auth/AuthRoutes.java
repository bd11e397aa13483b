package dev.callcenter.ui.auth;

import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.user.AuthService;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.helpdesk.user.Session;
import dev.callcenter.helpdesk.user.User;
import dev.callcenter.ui.http.Api;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Login, logout and "who am I". */
public final class AuthRoutes {

  private final AuthService auth;
  private final boolean secureCookies;
  private final java.util.function.Consumer<String> sessionEnded;
  private final java.time.Clock clock;

  /**
   * @param sessionEnded told the token of each session that logs out (to close its WebSockets)
   * @param clock sets the session cookie's lifetime
   */
  public AuthRoutes(
      AuthService auth,
      boolean secureCookies,
      java.util.function.Consumer<String> sessionEnded,
      java.time.Clock clock) {
    this.auth = auth;
    this.clock = clock;
    this.secureCookies = secureCookies;
    this.sessionEnded = sessionEnded;
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
      String timeZone) {
    static UserView of(User u) {
      return new UserView(
          u.id(),
          u.username(),
          u.displayName(),
          u.roles().stream().sorted().toList(),
          u.language(),
          u.timeZone());
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
  }

  private void login(RoutingContext ctx) {
    String address =
        ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
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

  private void logout(RoutingContext ctx) {
    Session session = Api.session(ctx);
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
          auth.logout(session.token());
          sessionEnded.accept(session.token());
          return null;
        });
  }

  private void me(RoutingContext ctx) {
    Session s = Api.session(ctx);
    Api.send(
        ctx, 200, new LoginResponse(null, s.csrfToken(), s.expiresAt(), UserView.of(s.user())));
  }
}
