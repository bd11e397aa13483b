package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code docs/permissions.md} is the permission matrix: every route of the OpenAPI file has one row
 * there and every row is a route, and each route answers every caller as its row says, walked over
 * real HTTP with real records (someone else's records are {@code agent2}'s).
 */
class PermissionMatrixTest {

  /** Surefire runs in the module's directory; the docs are the project's. */
  private static final Path MATRIX = Path.of("..", "docs", "permissions.md");

  private static final Pattern ROW = Pattern.compile("^\\|\\s*(GET|POST|PUT|DELETE|PATCH)\\s*\\|");
  private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** Who calls, in the order of the matrix's columns. */
  enum Caller {
    ANONYMOUS(null),
    AGENT(Role.AGENT),
    SUPERVISOR(Role.SUPERVISOR),
    TECHNICIAN(Role.TECHNICIAN),
    ADMIN(Role.ADMIN);

    final Role role;

    Caller(Role role) {
      this.role = role;
    }
  }

  /** An answer the matrix may give (see "How to read the tables" in the doc). */
  enum Answer {
    ALLOWED("allowed"),
    FORBIDDEN("403"),
    UNAUTHENTICATED("401"),
    OWN("own"),
    SELF("self");

    final String cell;

    Answer(String cell) {
      this.cell = cell;
    }
  }

  /** One row of the matrix. */
  record Row(int line, String method, String path, Map<Caller, Answer> answers) {
    String key() {
      return method + " " + path;
    }
  }

  /** One request: the path with its parameters filled in, and the JSON body (null for none). */
  record Request(String path, Object body) {}

  private static TestServer server;

  /** The demo user playing each role, and the other agent whose records are "someone else's". */
  private static Map<Caller, String> users;

  private static String otherAgent;
  private static final Map<String, ApiClient> sessions = new ConcurrentHashMap<>();
  private static final Map<String, Long> userIds = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    Map<Role, List<String>> byRole =
        TestServer.demoUsers().entrySet().stream()
            .filter(e -> e.getValue().size() == 1)
            .collect(
                Collectors.groupingBy(
                    e -> e.getValue().iterator().next(),
                    Collectors.mapping(
                        Map.Entry::getKey,
                        Collectors.collectingAndThen(
                            Collectors.toList(), l -> l.stream().sorted().toList()))));
    users = new EnumMap<>(Caller.class);
    for (Caller caller : Caller.values()) {
      if (caller.role != null) {
        assertThat(byRole.get(caller.role)).as("a demo user with only " + caller.role).isNotEmpty();
        users.put(caller, byRole.get(caller.role).getFirst());
      }
    }
    assertThat(byRole.get(Role.AGENT)).as("two demo agents").hasSizeGreaterThanOrEqualTo(2);
    otherAgent = byRole.get(Role.AGENT).get(1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // ------------------------------------------------------------------ the matrix and the file

  static List<Row> matrix() throws IOException {
    List<String> lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!ROW.matcher(line).find()) {
        continue;
      }
      List<String> cells =
          Arrays.stream(line.substring(1).split("\\|", -1)).map(String::strip).toList();
      int number = i + 1;
      assertThat(cells.size())
          .as("permissions.md line %d: method, path and the five callers", number)
          .isGreaterThanOrEqualTo(7);
      Map<Caller, Answer> answers = new EnumMap<>(Caller.class);
      for (Caller caller : Caller.values()) {
        String cell = cells.get(2 + caller.ordinal()).toLowerCase(Locale.ROOT);
        Answer answer =
            Arrays.stream(Answer.values())
                .filter(a -> a.cell.equals(cell))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            "permissions.md line %d: '%s' for %s is none of allowed, 403, 401, own, self"
                                .formatted(number, cell, caller)));
        answers.put(caller, answer);
      }
      rows.add(new Row(number, cells.get(0), cells.get(1), answers));
    }
    return rows;
  }

  @Test
  void everyRouteOfTheOpenApiFileHasOneRowAndEveryRowIsARoute() throws IOException {
    List<Row> rows = matrix();
    Set<String> documented = OpenApiRoutes.keys();
    Set<String> decided = new TreeSet<>();
    List<String> twice = new ArrayList<>();
    rows.forEach(
        r -> {
          if (!decided.add(r.key())) {
            twice.add(r.key() + " (line " + r.line() + ")");
          }
        });
    Set<String> undecided = new TreeSet<>(documented);
    undecided.removeAll(decided);
    Set<String> unknown = new TreeSet<>(decided);
    unknown.removeAll(documented);

    assertThat(documented).hasSizeGreaterThan(50);
    assertThat(undecided)
        .as("routes of openapi.yaml without a row in docs/permissions.md: decide who may call them")
        .isEmpty();
    assertThat(unknown)
        .as("rows of docs/permissions.md that are no route of openapi.yaml")
        .isEmpty();
    assertThat(twice).as("routes with more than one row").isEmpty();
  }

  @TestFactory
  Stream<DynamicTest> everyRouteAnswersEachCallerAsTheMatrixSays() throws IOException {
    return matrix().stream()
        .flatMap(
            row ->
                Arrays.stream(Caller.values())
                    .map(
                        caller ->
                            dynamicTest(
                                caller.name().toLowerCase(Locale.ROOT)
                                    + " "
                                    + row.key()
                                    + " → "
                                    + row.answers().get(caller).cell,
                                () -> check(row, caller))));
  }

  // ------------------------------------------------------------------ checking one cell

  private static void check(Row row, Caller caller) {
    String what =
        "%s %s (permissions.md line %d says %s)"
            .formatted(caller, row.key(), row.line(), row.answers().get(caller).cell);
    switch (row.answers().get(caller)) {
      case UNAUTHENTICATED -> assertStatus(send(caller, row, request(row, null)), 401, what);
      case FORBIDDEN ->
          assertStatus(
              send(caller, row, request(row, caller == Caller.ANONYMOUS ? null : otherAgent)),
              403,
              what);
      case ALLOWED ->
          assertReached(
              send(caller, row, request(row, caller == Caller.ANONYMOUS ? null : otherAgent)),
              what);
      case OWN -> ownOnly(row, caller, what);
      case SELF -> {
        assertReached(send(caller, row, request(row, users.get(caller))), what + ", own id");
        assertStatus(send(caller, row, request(row, otherAgent)), 403, what + ", another's id");
      }
    }
  }

  /** The caller's own records are reached; someone else's are 404 by id and left out of lists. */
  private static void ownOnly(Row row, Caller caller, String what) {
    String me = users.get(caller);
    switch (row.key()) {
      case "GET /api/v1/follow-ups", "GET /api/v1/follow-ups/overdue" -> {
        long customer = customer();
        long own = followUp(me, customer);
        long others = followUp(otherAgent, customer);
        listShowsOnlyOwn(send(caller, row, new Request(row.path(), null)), own, others, what);
      }
      case "GET /api/v1/customers/{id}/follow-ups" -> {
        long customer = customer();
        long own = followUp(me, customer);
        long others = followUp(otherAgent, customer);
        listShowsOnlyOwn(
            send(caller, row, new Request(fill(row.path(), name -> customer), null)),
            own,
            others,
            what);
      }
      case "GET /api/v1/dispatch/orders" -> {
        long own = dispatchOrder(me);
        long others = dispatchOrder(otherAgent);
        listShowsOnlyOwn(send(caller, row, new Request(row.path(), null)), own, others, what);
      }
      case "GET /api/v1/customers/{id}/service-history" -> {
        // A customer is the technician's through an order planned on them.
        String path = row.path().replace("{id}", "%d");
        ApiClient.Response own =
            send(caller, row, new Request(path.formatted(customerOf(dispatchOrder(me))), null));
        assertThat(own.status()).as("%s, own: %s", what, own.body()).isEqualTo(200);
        ApiClient.Response others =
            send(
                caller,
                row,
                new Request(path.formatted(customerOf(dispatchOrder(otherAgent))), null));
        assertThat(others.status()).as("%s, another's: %s", what, others.body()).isEqualTo(404);
      }
      case "GET /api/v1/kb/revisions" -> {
        long own = revision(me);
        long others = revision(otherAgent);
        listShowsOnlyOwn(send(caller, row, new Request(row.path(), null)), own, others, what);
      }
      default -> {
        // A route by id: the record in the path is the caller's, then someone else's.
        assertReached(send(caller, row, request(row, me)), what + ", own record");
        ApiClient.Response others = send(caller, row, request(row, otherAgent));
        assertThat(others.status())
            .as(
                "%s, someone else's record: expected 404 (an own-only list needs a case in"
                    + " PermissionMatrixTest.ownOnly): %s",
                what, others.body())
            .isEqualTo(404);
      }
    }
  }

  private static void listShowsOnlyOwn(
      ApiClient.Response list, long own, long others, String what) {
    assertThat(list.status()).as("%s: %s", what, list.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    list.body().get("items").forEach(item -> ids.add(item.get("id").asLong()));
    assertThat(ids).as("%s: the caller's own", what).contains(own);
    assertThat(ids).as("%s: someone else's", what).doesNotContain(others);
  }

  private static void assertStatus(ApiClient.Response r, int status, String what) {
    assertThat(r.status()).as("%s: %s", what, r.body()).isEqualTo(status);
  }

  /** Allowed: the role got past the checks; the record or the body may still be refused. */
  private static void assertReached(ApiClient.Response r, String what) {
    assertThat(r.status()).as("%s: %s", what, r.body()).isNotIn(401, 403, 500);
  }

  // ------------------------------------------------------------------ building requests

  private static ApiClient.Response send(Caller caller, Row row, Request request) {
    ApiClient client;
    if (caller == Caller.ANONYMOUS) {
      client = server.anonymous();
    } else if (row.key().equals("POST /api/v1/auth/logout")) {
      client = server.as(users.get(caller));
    } else {
      client = session(users.get(caller));
    }
    return client.send(row.method(), request.path(), request.body(), "application/json");
  }

  /**
   * The row's request with fresh records in its path, owned by {@code owner} where records have
   * owners; placeholders for anonymous callers (null owner), who are turned away before any lookup.
   */
  private static Request request(Row row, String owner) {
    String path =
        owner == null
            ? fill(row.path(), name -> 1)
            : fill(row.path(), parent -> parameter(parent, owner, row));
    return new Request(path, bodyFor(row, owner));
  }

  /** Replaces each {@code {param}} with the value for the path before it (as in the template). */
  private static String fill(String path, Function<String, Object> valueAfter) {
    String[] segments = path.split("/");
    for (int i = 0; i < segments.length; i++) {
      Matcher m = PARAM.matcher(segments[i]);
      if (m.matches()) {
        String before = String.join("/", Arrays.copyOfRange(path.split("/"), 0, i));
        segments[i] = String.valueOf(valueAfter.apply(before));
      }
    }
    return String.join("/", segments);
  }

  private static Object parameter(String before, String owner, Row row) {
    if (before.equals("/api/v1/admin/users")) {
      // Administration disables, resets and signs out: never one of the walking demo users.
      return account();
    }
    String parent = before.substring(before.lastIndexOf('/') + 1);
    return switch (parent) {
      case "customers" -> customer();
      case "interactions" -> interaction();
      case "tickets" -> ticket();
      case "follow-ups" -> followUp(owner, customer());
      case "articles" -> article();
      case "revisions" -> revision(owner);
      case "users", "members" -> userId(owner);
      case "teams" -> team();
      case "holidays" -> "2031-01-0" + (1 + SEQUENCE.incrementAndGet() % 9);
      case "years" -> 2032 + SEQUENCE.incrementAndGet() % 9;
      case "policies" -> created(admin().post("/api/v1/sla/policies", newPolicy()), "a policy");
      case "agents" -> owner;
      case "orders" -> dispatchOrder(owner);
      case "technicians" -> userId(owner);
      case "days-off" -> "2031-02-0" + (1 + SEQUENCE.incrementAndGet() % 9);
      case "parts" -> part();
      case "equipment" -> equipment();
      case "reports" -> "calls";
      // Plans live in memory while a dispatcher works on them: an unknown one is a 404 past the
      // role check, which is what "allowed" asks.
      case "plans" -> 1_000_000 + SEQUENCE.incrementAndGet();
      // Import jobs too: an unknown id is a 404 past the role check.
      case "import-jobs" -> java.util.UUID.randomUUID();
      // An image is looked up with its order (another order's is a 404 like a missing one), and
      // the order here is filled apart: a 404 past the role check. FieldAttachmentApiTest serves
      // real images to each role.
      case "attachments" -> 1_000_000 + SEQUENCE.incrementAndGet();
      default ->
          throw new AssertionError(
              "permissions.md line %d: no record for the parameter after %s/; add one to PermissionMatrixTest.parameter"
                  .formatted(row.line(), before));
    };
  }

  /** Bodies that reach the use case where a bare {@code {}} would stop at validation. */
  private static Object bodyFor(Row row, String owner) {
    Object body =
        switch (row.key()) {
          case "POST /api/v1/customers" -> Map.of("name", "Matrix customer");
          case "POST /api/v1/follow-ups" ->
              owner == null ? Map.of() : followUpBody(owner, customer());
          case "PUT /api/v1/follow-ups/{id}/due" ->
              Map.of("dueAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
          case "POST /api/v1/follow-ups/{id}/complete",
              "POST /api/v1/follow-ups/{id}/cancel",
              "POST /api/v1/kb/revisions/{id}/reject" ->
              Map.of("note", "walked by the permission matrix");
          case "POST /api/v1/kb/articles" -> articleContent("Matrix draft");
          case "PUT /api/v1/kb/articles/{id}" ->
              Map.of("version", 1, "article", articleContent("Matrix draft, edited"));
          case "PUT /api/v1/users/{id}/presence" -> Map.of("present", true);
          case "POST /api/v1/sla/policies" -> newPolicy();
          case "PUT /api/v1/sla/policies/{id}" ->
              Map.of("firstResponseMinutes", 60, "resolutionMinutes", 600);
          case "PUT /api/v1/calendar/holidays/years/{year}" -> Map.of("items", List.of());
          case "POST /api/v1/dispatch/orders" -> owner == null ? Map.of() : orderBody(ticket());
          case "POST /api/v1/dispatch/orders/{id}/status" -> Map.of("status", "EN_ROUTE");
          case "POST /api/v1/dispatch/orders/{id}/parts-used" -> Map.of("partId", 1, "quantity", 1);
          default -> null;
        };
    if (body == null && (row.method().equals("POST") || row.method().equals("PUT"))) {
      return Map.of();
    }
    return body;
  }

  // ------------------------------------------------------------------ records, made over the API

  private static ApiClient session(String username) {
    return sessions.computeIfAbsent(username, server::as);
  }

  private static ApiClient admin() {
    return session(users.get(Caller.ADMIN));
  }

  private static long userId(String username) {
    return userIds.computeIfAbsent(
        username, u -> session(u).get("/api/v1/auth/me").body().at("/user/id").asLong());
  }

  private static long created(ApiClient.Response r, String what) {
    assertThat(r.status()).as("creating %s: %s", what, r.body()).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private static long customer() {
    return created(
        admin().post("/api/v1/customers", Map.of("name", "Matrix " + SEQUENCE.incrementAndGet())),
        "a customer");
  }

  private static long ticket() {
    return created(
        admin()
            .post(
                "/api/v1/tickets",
                Map.of("type", "QUESTION", "title", "Matrix ticket", "customerId", customer())),
        "a ticket");
  }

  private static long interaction() {
    return created(
        admin()
            .post(
                "/api/v1/interactions",
                Map.of("customerId", customer(), "channel", "NOTE", "summary", "Matrix note")),
        "an interaction");
  }

  private static Map<String, Object> followUpBody(String owner, long customer) {
    return Map.of(
        "title",
        "Matrix follow-up",
        "dueAt",
        Instant.now().minus(1, ChronoUnit.HOURS).toString(),
        "ownerId",
        userId(owner),
        "customerId",
        customer);
  }

  /** An overdue follow-up that {@code owner} created for themselves. */
  private static long followUp(String owner, long customer) {
    return created(
        session(owner).post("/api/v1/follow-ups", followUpBody(owner, customer)), "a follow-up");
  }

  private static Map<String, Object> articleContent(String title) {
    return Map.of(
        "title", title, "resolution", "Restart it.", "language", "en", "visibility", "INTERNAL");
  }

  /** An internal draft at version 1, written by the other agent. */
  private static long article() {
    return created(
        session(otherAgent).post("/api/v1/kb/articles", articleContent("Matrix article")),
        "an article");
  }

  /** {@code author}'s pending revision of an article a supervisor published. */
  private static long revision(String author) {
    ApiClient supervisor = session(users.get(Caller.SUPERVISOR));
    long article =
        created(
            supervisor.post("/api/v1/kb/articles", articleContent("Matrix live article")),
            "an article");
    JsonNode live = supervisor.post("/api/v1/kb/articles/" + article + "/publish", null).body();
    assertThat(live.path("status").asText()).isEqualTo("PUBLISHED");
    ApiClient.Response proposed =
        session(author)
            .put(
                "/api/v1/kb/articles/" + article,
                Map.of(
                    "version",
                    live.get("version").asInt(),
                    "article",
                    articleContent("Matrix live article, revised")));
    assertThat(proposed.status()).as("a revision: %s", proposed.body()).isEqualTo(202);
    return proposed.body().get("id").asLong();
  }

  /** A fresh agent account for the administration routes to act on. */
  private static long account() {
    return created(
        admin()
            .post(
                "/api/v1/admin/users",
                Map.of(
                    "username",
                    "matrix-" + SEQUENCE.incrementAndGet(),
                    "roles",
                    List.of("AGENT"),
                    "temporaryPassword",
                    "matrix-temporary-42")),
        "an account");
  }

  /** A policy for a key nobody has used yet: every (type, priority, VIP/STANDARD) once. */
  private static Map<String, Object> newPolicy() {
    int n = POLICY_KEYS.getAndIncrement();
    String[] types = {"FAULT_REPORT", "COMPLAINT", "SERVICE_REQUEST", "QUESTION"};
    String[] priorities = {"LOW", "NORMAL", "HIGH", "URGENT"};
    return Map.of(
        "type",
        types[n % 4],
        "priority",
        priorities[(n / 4) % 4],
        "tier",
        n / 16 % 2 == 0 ? "VIP" : "STANDARD",
        "firstResponseMinutes",
        60,
        "resolutionMinutes",
        600);
  }

  private static final java.util.concurrent.atomic.AtomicInteger POLICY_KEYS =
      new java.util.concurrent.atomic.AtomicInteger();

  private static String team() {
    String key = "matrix-" + SEQUENCE.incrementAndGet();
    ApiClient.Response r =
        admin()
            .post("/api/v1/teams", Map.of("key", key, "name", "Matrix team", "defaultCapacity", 3));
    assertThat(r.status()).as("creating a team: %s", r.body()).isEqualTo(201);
    return key;
  }

  // ------------------------------------------------------------------ field service

  private static final Map<String, Long> technicians = new ConcurrentHashMap<>();

  private static Map<String, Object> orderBody(long ticket) {
    Instant start = Instant.parse("2031-03-03T01:00:00Z");
    return Map.of(
        "ticketId",
        ticket,
        "siteAddress",
        "台北市信義區市府路 1 號",
        "lat",
        25.04,
        "lon",
        121.56,
        "durationMinutes",
        60,
        "windowStart",
        start.toString(),
        "windowEnd",
        start.plus(4, ChronoUnit.HOURS).toString());
  }

  /**
   * A dispatch order scheduled on a technician: on the demo technician when {@code owner} is them,
   * otherwise on a second technician, so that it is "someone else's" for the demo one.
   */
  private static long dispatchOrder(String owner) {
    long technician = technician(owner.equals(users.get(Caller.TECHNICIAN)) ? owner : null);
    long order = created(admin().post("/api/v1/dispatch/orders", orderBody(ticket())), "an order");
    ApiClient.Response scheduled =
        admin()
            .post(
                "/api/v1/dispatch/orders/" + order + "/schedule",
                Map.of("technicianId", technician, "start", "2031-03-03T01:30:00Z"));
    assertThat(scheduled.status()).as("scheduling: %s", scheduled.body()).isEqualTo(200);
    return order;
  }

  private static long customerOf(long order) {
    return admin().get("/api/v1/dispatch/orders/" + order).body().get("customerId").asLong();
  }

  /** The user id of a technician with a profile: {@code username}, or a second one when null. */
  private static long technician(String username) {
    return technicians.computeIfAbsent(
        username == null ? "" : username,
        key -> {
          long id;
          if (key.isEmpty()) {
            id =
                created(
                    admin()
                        .post(
                            "/api/v1/admin/users",
                            Map.of(
                                "username",
                                "matrix-tech-" + SEQUENCE.incrementAndGet(),
                                "roles",
                                List.of("TECHNICIAN"),
                                "temporaryPassword",
                                "matrix-temporary-42")),
                    "a technician");
          } else {
            id = userId(key);
          }
          ApiClient.Response profile =
              admin()
                  .put(
                      "/api/v1/dispatch/technicians/" + id,
                      Map.of(
                          "skills",
                          List.of("hvac"),
                          "homeLat",
                          25.03,
                          "homeLon",
                          121.52,
                          "hours",
                          List.of(
                              Map.of("weekday", "MONDAY", "starts", "08:00", "ends", "17:00"))));
          assertThat(profile.status())
              .as("a technician profile: %s", profile.body())
              .isEqualTo(200);
          return id;
        });
  }

  private static long part() {
    return created(
        admin()
            .post(
                "/api/v1/dispatch/parts",
                Map.of(
                    "number",
                    "MX-" + SEQUENCE.incrementAndGet(),
                    "name",
                    "Matrix filter",
                    "unitCost",
                    12.5)),
        "a part");
  }

  private static long equipment() {
    return created(
        admin()
            .post(
                "/api/v1/dispatch/equipment",
                Map.of("customerId", customer(), "product", "Matrix chiller")),
        "equipment");
  }
}
