package dev.callcenter.ui.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: public routes, then the auth handler, then the protected routes; every failure
 * rendered by the {@link ErrorResponder}.
 */
public final class ApiServer {

  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  /**
   * Scripts, styles and connections only from this server: no inline script or style, no eval, no
   * framing.
   */
  /** uPlot inside its webjar; the version is the root pom's {@code uplot.version}. */
  static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist";

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private final Vertx vertx;
  private final Router router;
  private HttpServer server;

  /**
   * @param publicRoutes mounters of routes open without login (health, login)
   * @param authHandler admits requests with a valid session
   * @param protectedRoutes mounters of every other route
   */
  public ApiServer(
      Vertx vertx,
      long maxBodyBytes,
      List<Consumer<Router>> publicRoutes,
      io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> authHandler,
      List<Consumer<Router>> protectedRoutes) {
    this.vertx = vertx;
    this.router = Router.router(vertx);
    ErrorResponder errors = new ErrorResponder();
    router
        .route()
        .handler(
            ctx -> {
              ctx.response()
                  .putHeader("X-Content-Type-Options", "nosniff")
                  .putHeader("Referrer-Policy", "no-referrer")
                  .putHeader("X-Frame-Options", "DENY")
                  .putHeader("Content-Security-Policy", CSP);
              ctx.next();
            });
    // Before login: a wrong method is a 405 for everyone, bad text never reaches a handler.
    RequestLineCheck requestLine = new RequestLineCheck();
    router.route().handler(requestLine);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    publicRoutes.forEach(m -> m.accept(router));
    router.route("/api/*").handler(authHandler);
    protectedRoutes.forEach(m -> m.accept(router));
    // The report pages' chart library, from its Maven Central webjar (ADR 0017).
    router
        .route("/vendor/uplot/*")
        .handler(StaticHandler.create(UPLOT).setCachingEnabled(false).setDirectoryListing(false));
    // The pages: static files built into the jar (no CDN, nothing fetched at run time).
    router
        .route("/*")
        .handler(
            StaticHandler.create("webroot")
                .setIndexPage("index.html")
                .setCachingEnabled(false)
                .setDefaultContentEncoding("UTF-8"));
    router.route().failureHandler(errors);
    router.errorHandler(404, errors);
    router.errorHandler(405, errors);
    router.errorHandler(413, errors);
    requestLine.learn(router.getRoutes());
  }

  public Router router() {
    return router;
  }

  public Future<HttpServer> listen(String host, int port) {
    return vertx
        .createHttpServer(
            new HttpServerOptions().setHost(host).setPort(port).setCompressionSupported(true))
        .requestHandler(router)
        .invalidRequestHandler(ErrorResponder::invalidRequest)
        .listen()
        .onSuccess(
            s -> {
              server = s;
              log.info("HTTP API listening on {}:{}", host, s.actualPort());
            });
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
