package dev.callcenter.server;

import dev.callcenter.helpdesk.db.DatabaseConfig;
import dev.callcenter.helpdesk.testing.TempDirs;
import dev.callcenter.helpdesk.testing.TestDatabase;
import dev.callcenter.helpdesk.user.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole server for tests: real HTTP on a free port, its own fresh database on the shared embedded
 * PostgreSQL, and the demo users (password {@value #PASSWORD}).
 */
public final class TestServer implements AutoCloseable {

  public static final String PASSWORD = "test-pass";

  private final CallCenterServer server;
  private final List<Path> tempDirs;

  private TestServer(CallCenterServer server, List<Path> tempDirs) {
    this.server = server;
    this.tempDirs = tempDirs;
  }

  public static TestServer start() {
    return start(Map.of(), Clock.systemUTC());
  }

  public static TestServer start(Map<String, String> settings, Clock clock) {
    DatabaseConfig db = TestDatabase.freshConfig();
    Map<String, String> overrides = new HashMap<>();
    overrides.put("database.mode", "external");
    overrides.put("database.url", db.jdbcUrl());
    overrides.put("database.user", db.username());
    overrides.put("database.password", db.password());
    overrides.put("database.pool-size", "8");
    overrides.put("http.port", "0");
    overrides.put("http.worker-threads", "8");
    // Each test server has its own database, so its own index; BM25 unless a test asks for models.
    // Removed on close: a suite starts hundreds of servers.
    List<Path> tempDirs =
        List.of(TempDirs.create("cc-test-kb-index"), TempDirs.create("cc-test-kb-models"));
    overrides.put("kb.index-dir", tempDirs.get(0).toString());
    overrides.put("kb.models.work-dir", tempDirs.get(1).toString());
    overrides.put("kb.models.enabled", "false");
    overrides.putAll(settings);
    ServerConfig config = ServerConfig.load(null, Map.of(), overrides);
    CallCenterServer server = new CallCenterServer(config, clock).start();
    var s = server.services();
    String hash = s.passwords().hash(PASSWORD);
    DemoData.USERS.forEach((name, roles) -> s.users().upsert(name, name, hash, roles, "zh-TW"));
    return new TestServer(server, tempDirs);
  }

  public dev.callcenter.helpdesk.assembly.Helpdesk services() {
    return server.services();
  }

  /** A person with one mobile number, created through the customer service. */
  public dev.callcenter.helpdesk.customer.Customer customer(
      String name, String phone, String language) {
    return services()
        .customers()
        .create(
            new dev.callcenter.helpdesk.customer.CustomerDraft(
                dev.callcenter.helpdesk.customer.CustomerKind.PERSON,
                name,
                null,
                language,
                java.util.List.of(
                    new dev.callcenter.helpdesk.customer.PhoneInput(
                        dev.callcenter.helpdesk.customer.PhoneType.MOBILE, phone)),
                java.util.List.of(),
                null,
                null,
                Map.of(),
                null,
                null,
                null));
  }

  public CallCenterServer server() {
    return server;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.httpPort();
  }

  /** A client logged in as {@code username} with a bearer token. */
  public ApiClient as(String username) {
    return ApiClient.anonymous(baseUrl()).login(username, PASSWORD);
  }

  public ApiClient anonymous() {
    return ApiClient.anonymous(baseUrl());
  }

  static Set<Role> rolesOf(String username) {
    return DemoData.USERS.get(username);
  }

  /** The demo logins (password {@value #PASSWORD}) and their roles. */
  public static Map<String, Set<Role>> demoUsers() {
    return DemoData.USERS;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      tempDirs.forEach(TempDirs::delete);
    }
  }
}
