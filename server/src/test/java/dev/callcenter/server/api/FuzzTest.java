package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.pbxsim.PbxSimulator;
import dev.callcenter.pbxsim.ami.AmiConfig;
import dev.callcenter.pbxsim.time.ManualScheduler;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import dev.callcenter.server.api.OpenApiRoutes.Operation;
import dev.callcenter.server.api.OpenApiRoutes.Param;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends generated bad input to every operation of the OpenAPI file, as one user of each role and
 * anonymously, on a server with its phone system (the PBX simulator): bodies that are null, arrays
 * or scalars; each body field null, of the wrong type, too long, with control characters or only
 * invisible ones, with dates out of range; path ids that are 0, negative, huge, not numbers or NUL;
 * query parameters with NUL, invalid UTF-8, invisible text or huge numbers; wrong content types and
 * wrong methods. Every answer must be below 500, every error must have the one error shape, and bad
 * input must change no row of any table.
 */
class FuzzTest {

  private static final Logger log = LoggerFactory.getLogger(FuzzTest.class);

  /** Bodies are sent as ASCII with escapes, so lone surrogates and NULs arrive as written. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  /** Control characters, a lone surrogate and a noncharacter, each between two letters. */
  private static final List<String> CONTROL =
      List.of("\u0000", "\u001b", "\u007f", "\ud800", "\uffff");

  /** Text that looks empty: no-break space, zero-width space, BOM; U+FFFD; spaces and a tab. */
  private static final List<String> INVISIBLE = List.of("\u00a0\u200b\ufeff", "\ufffd", " \t ");

  /** Percent-encoded query and path values that must be refused, with the code expected. */
  private static final Map<String, String> BAD_ENCODED =
      Map.ofEntries(
          Map.entry("%00", "invalid_characters"),
          Map.entry("a%00b", "invalid_characters"),
          Map.entry("%1B", "invalid_characters"),
          Map.entry("%7F", "invalid_characters"),
          Map.entry("%EF%BF%BF", "invalid_characters"),
          Map.entry("%FF", "invalid_encoding"),
          Map.entry("%C3%28", "invalid_encoding"),
          Map.entry("%ED%A0%80", "invalid_encoding"),
          Map.entry("%C0%80", "invalid_encoding"));

  /** Malformed percent-escapes, which only a raw socket sends. */
  private static final List<String> MALFORMED = List.of("%zz", "%", "a%F");

  /** What a probe may do. */
  enum Expect {
    /** Bad input: a 4xx, and no row changes. */
    REJECTED,
    /** A read, or input that may be taken or refused: below 500, and no row changes. */
    UNCHANGED,
    /** Input that may be valid (null for an optional field, say): below 500, rows may change. */
    ANY
  }

  /**
   * One request and what its answer must be.
   *
   * @param target the encoded path and query
   * @param contentType null for no Content-Type header
   * @param socket sent over a plain socket (malformed escapes)
   * @param status the status this probe is about (405, 415), 0 for any 4xx
   * @param allow the methods a 405 must list in {@code Allow}
   * @param field the {@code details.field} a 400 must name, null to not check
   * @param code the error code a 400 (or the {@code status}) must carry, null to not check
   */
  record Probe(
      String what,
      String method,
      String target,
      byte[] body,
      String contentType,
      Expect expect,
      boolean socket,
      int status,
      Set<String> allow,
      String field,
      String code) {

    /** Bad input that must be refused; the withers say more. */
    static Probe refused(String what, String method, String target, byte[] body, String type) {
      return new Probe(
          what, method, target, body, type, Expect.REJECTED, false, 0, Set.of(), null, null);
    }

    Probe expecting(Expect e) {
      return new Probe(
          what, method, target, body, contentType, e, socket, status, allow, field, code);
    }

    Probe naming(String f, String c) {
      return new Probe(
          what, method, target, body, contentType, expect, socket, status, allow, f, c);
    }

    Probe answering(int s, Set<String> methods) {
      return new Probe(
          what, method, target, body, contentType, expect, socket, s, methods, field, code);
    }

    Probe overSocket(boolean raw) {
      return new Probe(
          what, method, target, body, contentType, expect, raw, status, allow, field, code);
    }
  }

  /** A body variant: the body and what a 400 for it must name. */
  record BodyCase(String what, JsonNode body, Expect expect, String field, String code) {}

  /** An answer: status, headers by lower-case name (first value), body. */
  record Answer(int status, Map<String, String> headers, String body) {}

  private static PbxSimulator sim;
  private static TestServer server;
  private static final Map<String, Long> ids = new HashMap<>();

  @BeforeAll
  static void start() {
    sim =
        PbxSimulator.start(
            AmiConfig.defaults().withCredentials("cti", "s3cret"),
            new ManualScheduler(Instant.parse("2026-11-22T02:00:00Z")));
    sim.pbx().addQueue("support");
    sim.pbx().addMember("support", "PJSIP/1001", "Agent One");
    Map<String, String> settings = new HashMap<>();
    settings.put("cti.enabled", "true");
    settings.put("cti.ami.port", Integer.toString(sim.amiPort()));
    settings.put("cti.ami.username", "cti");
    settings.put("cti.ami.secret", "s3cret");
    // Only requests may change rows while the fingerprints are compared: the background jobs
    // (tiers, SLA scan, queue drain) wait until after the run.
    settings.put("customers.tier-job-interval", "24h");
    settings.put("tickets.sla-scan-interval", "24h");
    settings.put("tickets.assignment-drain-interval", "24h");
    server = TestServer.start(settings, Clock.systemUTC());
    seed();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (sim != null) {
      sim.close();
    }
  }

  /** One of everything the path parameters name, so that valid ids reach the handlers. */
  private static void seed() {
    ApiClient admin = server.as("admin1");
    ApiClient agent = server.as("agent1");
    for (JsonNode u : admin.get("/api/v1/users").body().get("items")) {
      ids.put(u.get("username").asText(), u.get("id").asLong());
    }
    ids.put(
        "company",
        created(agent.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", "Fuzz Co"))));
    ids.put(
        "customer",
        created(
            agent.post(
                "/api/v1/customers",
                Map.of(
                    "name",
                    "Fuzz Person",
                    "companyId",
                    ids.get("company"),
                    "phones",
                    List.of(Map.of("type", "MOBILE", "number", "0912-000-111"))))));
    ids.put(
        "policy",
        created(
            admin.post(
                "/api/v1/sla/policies",
                Map.of(
                    "type", "QUESTION",
                    "priority", "LOW",
                    "tier", "VIP",
                    "firstResponseMinutes", 60,
                    "resolutionMinutes", 600))));
    ids.put(
        "interaction",
        created(
            agent.post(
                "/api/v1/interactions",
                Map.of("customerId", ids.get("customer"), "channel", "PHONE_IN"))));
    ids.put(
        "ticket",
        created(
            agent.post(
                "/api/v1/tickets",
                Map.of(
                    "type",
                    "FAULT_REPORT",
                    "title",
                    "Fuzz ticket",
                    "customerId",
                    ids.get("customer")))));
    ids.put(
        "followUp",
        created(
            agent.post(
                "/api/v1/follow-ups",
                Map.of(
                    "title",
                    "Fuzz follow-up",
                    "dueAt",
                    "2030-01-01T00:00:00Z",
                    "ownerId",
                    ids.get("agent1"),
                    "customerId",
                    ids.get("customer")))));
    ids.put(
        "article",
        created(
            agent.post("/api/v1/kb/articles", Map.of("title", "Fuzz article", "language", "en"))));
    ApiClient supervisor = server.as("supervisor1");
    // An agent's edit of a published article waits as a revision for review.
    long live =
        created(
            agent.post(
                "/api/v1/kb/articles", Map.of("title", "Fuzz live article", "language", "en")));
    int version =
        supervisor
            .post("/api/v1/kb/articles/" + live + "/publish", null)
            .body()
            .get("version")
            .asInt();
    ApiClient.Response revision =
        agent.put(
            "/api/v1/kb/articles/" + live,
            Map.of("version", version, "article", Map.of("title", "Fuzz edit", "language", "en")));
    assertThat(revision.status()).as(revision.body().toString()).isEqualTo(202);
    ids.put("revision", revision.body().get("id").asLong());
    assertThat(
            supervisor
                .post("/api/v1/teams", Map.of("key", "fuzz", "name", "Fuzz", "defaultCapacity", 5))
                .status())
        .isEqualTo(201);
    ok(
        supervisor.put(
            "/api/v1/teams/fuzz/members/" + ids.get("agent1"), Map.of("skills", List.of())));
    ok(supervisor.put("/api/v1/calendar/holidays/2030-01-02", Map.of("name", "Fuzz day")));
    // The account the administration routes act on: not one of the users sending requests.
    ids.put(
        "fuzzTarget",
        created(
            admin.post(
                "/api/v1/admin/users",
                Map.of(
                    "username",
                    "fuzz-target",
                    "roles",
                    List.of("AGENT"),
                    "temporaryPassword",
                    "Quiet-river-stone-2026"))));
    ok(
        admin.put(
            "/api/v1/agents/agent1/device",
            Map.of("agentInterface", "PJSIP/1001", "queues", List.of("support"))));
    seedDispatch(admin, supervisor);
  }

  /** A technician profile, a part, a unit of equipment, an order on the technician and a plan. */
  private static void seedDispatch(ApiClient admin, ApiClient supervisor) {
    ids.put("technician", ids.get("tech1"));
    ok(
        admin.put(
            "/api/v1/dispatch/technicians/" + ids.get("tech1"),
            Map.of(
                "skills",
                List.of("hvac"),
                "homeLat",
                25.03,
                "homeLon",
                121.52,
                "hours",
                List.of(Map.of("weekday", "MONDAY", "starts", "08:00", "ends", "17:00")))));
    ids.put(
        "part",
        created(
            admin.post(
                "/api/v1/dispatch/parts",
                Map.of("number", "FUZZ-1", "name", "Fuzz filter", "unitCost", 10))));
    ids.put(
        "equipment",
        created(
            admin.post(
                "/api/v1/dispatch/equipment",
                Map.of("customerId", ids.get("customer"), "product", "Fuzz chiller"))));
    ids.put(
        "order",
        created(
            supervisor.post(
                "/api/v1/dispatch/orders",
                Map.of(
                    "ticketId",
                    ids.get("ticket"),
                    "siteAddress",
                    "Fuzz road 1",
                    "lat",
                    25.04,
                    "lon",
                    121.56,
                    "durationMinutes",
                    60,
                    "windowStart",
                    "2030-01-07T01:00:00Z",
                    "windowEnd",
                    "2030-01-07T05:00:00Z"))));
    ok(
        supervisor.post(
            "/api/v1/dispatch/orders/" + ids.get("order") + "/schedule",
            Map.of("technicianId", ids.get("tech1"), "start", "2030-01-07T01:30:00Z")));
    ApiClient.Response plan =
        supervisor.post("/api/v1/dispatch/plans", Map.of("from", "2030-01-14", "budgetSeconds", 1));
    assertThat(plan.status()).as(plan.body().toString()).isEqualTo(202);
    ids.put("plan", plan.body().get("id").asLong());
    // Import jobs are named by a UUID, not a number.
    importJobId =
        server
            .as("supervisor1")
            .send(
                "POST",
                "/api/v1/kb/import-jobs",
                "{\"id\":\"fuzz-job\",\"title\":\"Fuzz job article\"}",
                "application/x-ndjson")
            .body()
            .get("id")
            .asText();
  }

  private static String importJobId;

  private static long created(ApiClient.Response r) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private static void ok(ApiClient.Response r) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedWithTheErrorShapeNeverA5xxAndChangesNoRow() {
    List<Operation> operations = OpenApiRoutes.load();
    Map<String, Set<String>> methodsByPath = OpenApiRoutes.methodsByPath(operations);
    Map<String, String> principals = principals();
    Map<String, List<Probe>> probes = new LinkedHashMap<>();
    Set<String> pathsDone = new TreeSet<>();
    for (Operation op : operations) {
      List<Probe> list = new ArrayList<>();
      if (pathsDone.add(op.path())) {
        list.addAll(methodProbes(op, methodsByPath.get(op.path())));
      }
      list.addAll(probes(op));
      probes.put(op.key(), list);
    }
    Fingerprint fingerprint = new Fingerprint(server.services().database().dataSource());
    Findings findings = new Findings();
    Map<Expect, Integer> sent = new EnumMap<>(Expect.class);
    long started = System.nanoTime();

    // Phase 1: bad input and reads, each operation's batch between two fingerprints.
    for (var principal : principals.entrySet()) {
      for (var entry : probes.entrySet()) {
        Map<String, String> before = fingerprint.take();
        for (Probe p : entry.getValue()) {
          if (p.expect() != Expect.ANY) {
            findings.check(principal.getKey(), p, send(p, principal.getValue()));
            sent.merge(p.expect(), 1, Integer::sum);
          }
        }
        Map<String, String> after = fingerprint.take();
        if (!after.equals(before)) {
          findings.add(
              "rows changed",
              principal.getKey() + " " + entry.getKey() + ": " + Fingerprint.diff(before, after));
        }
        if (loggedOut(principal.getValue())) {
          findings.add("session ended", principal.getKey() + " " + entry.getKey());
          principal.setValue(login(principal.getKey()));
        }
      }
    }
    // Phase 2: input that may be valid; rows may change, nothing may fail.
    for (var principal : principals.entrySet()) {
      for (var entry : probes.entrySet()) {
        for (Probe p : entry.getValue()) {
          if (p.expect() == Expect.ANY) {
            findings.check(principal.getKey(), p, send(p, principal.getValue()));
            sent.merge(p.expect(), 1, Integer::sum);
          }
        }
      }
    }

    int total = sent.values().stream().mapToInt(Integer::intValue).sum();
    int perPrincipal = total / principals.size();
    log.info(
        "Fuzz: {} operations on {} paths x {} principals ({}) = {} requests ({} per principal:"
            + " {} bad inputs that must be refused, {} reads or inputs that may be refused, {}"
            + " inputs that may be valid), {} database fingerprints of {} tables, {} s; {}",
        operations.size(),
        methodsByPath.size(),
        principals.size(),
        String.join(", ", principals.keySet()),
        total,
        perPrincipal,
        sent.getOrDefault(Expect.REJECTED, 0) / principals.size(),
        sent.getOrDefault(Expect.UNCHANGED, 0) / principals.size(),
        sent.getOrDefault(Expect.ANY, 0) / principals.size(),
        fingerprint.taken,
        fingerprint.tables.size(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        findings.summary());
    assertThat(total).isGreaterThan(1000);
    assertThat(findings.isEmpty()).as(findings.report()).isTrue();
  }

  /** Anonymous, then one user of each role (bearer tokens: no CSRF token needed). */
  private static Map<String, String> principals() {
    Map<String, String> result = new LinkedHashMap<>();
    result.put("anonymous", null);
    Map<Role, String> byRole = new TreeMap<>();
    new TreeMap<>(TestServer.demoUsers())
        .forEach((name, roles) -> roles.forEach(role -> byRole.putIfAbsent(role, name)));
    assertThat(byRole.keySet()).containsExactlyInAnyOrder(Role.values());
    byRole.values().forEach(name -> result.put(name, login(name)));
    return result;
  }

  /**
   * A new session, made by the service: the login route is throttled for this address once the
   * fuzzing of login has failed a few times.
   */
  private static String login(String username) {
    return server.services().auth().login(username, TestServer.PASSWORD, "fuzz-test").token();
  }

  /** Whether bad input ended the session (a logout that took a bad parameter, say). */
  private static boolean loggedOut(String token) {
    return token != null
        && send(Probe.refused("me", "GET", "/api/v1/auth/me", null, null), token).status() == 401;
  }

  // ---- Generation ----

  /** Every method the path does not document answers 405 and says which it allows. */
  private static List<Probe> methodProbes(Operation op, Set<String> allowed) {
    List<Probe> result = new ArrayList<>();
    String target = op.concretePath(validPath(op));
    for (String method : METHODS) {
      if (!allowed.contains(method)) {
        result.add(
            Probe.refused("method " + method, method, target, null, null)
                .answering(405, allowed)
                .naming(null, "method_not_allowed"));
      }
    }
    return result;
  }

  private static List<Probe> probes(Operation op) {
    List<Probe> result = new ArrayList<>();
    Map<String, String> valid = validPath(op);
    String path = op.concretePath(valid);
    byte[] validBody = null;
    if (op.hasJsonBody()) {
      JsonNode base = base(op.bodySchema());
      validBody = bytes(base);
      for (BodyCase c : bodyCases(op.bodySchema(), base)) {
        result.add(
            Probe.refused(
                    "body " + c.what(), op.method(), path, bytes(c.body()), "application/json")
                .expecting(c.expect())
                .naming(c.field(), c.code()));
      }
      result.addAll(rawBodyProbes(op, path, base));
      for (String type :
          new String[] {
            "text/plain",
            null,
            "application/json; charset=iso-8859-1",
            "application/x-www-form-urlencoded",
            "application/xml"
          }) {
        result.add(
            Probe.refused("content type " + type, op.method(), path, validBody, type)
                .answering(415, Set.of())
                .naming(null, "unsupported_media_type"));
      }
    } else if (op.bodyMediaType() != null) {
      result.addAll(importProbes(op, path));
    }
    String bodyType = validBody == null ? null : "application/json";
    for (Param p : op.pathParams()) {
      for (String bad : pathValues()) {
        Map<String, String> values = new HashMap<>(valid);
        values.put(p.name(), bad);
        String code = MALFORMED.contains(bad) ? "invalid_encoding" : BAD_ENCODED.get(bad);
        result.add(
            Probe.refused(
                    "path " + p.name() + "=" + abbreviate(bad),
                    op.method(),
                    op.concretePath(values),
                    validBody,
                    bodyType)
                .overSocket(MALFORMED.contains(bad))
                .naming(code == null ? null : p.name(), code));
      }
    }
    List<Param> query = new ArrayList<>(op.queryParams());
    // A parameter no route reads is checked too.
    query.add(new Param("fuzz", "query", false, NODES.objectNode().put("type", "string")));
    for (Param p : query) {
      for (var value : queryValues(p).entrySet()) {
        String code = BAD_ENCODED.get(value.getKey());
        boolean malformed = MALFORMED.contains(value.getKey());
        Expect expect = value.getValue();
        if (expect != Expect.REJECTED && !op.method().equals("GET")) {
          // A harmless parameter on an action (logout, publish) would perform it.
          continue;
        }
        result.add(
            Probe.refused(
                    "query " + p.name() + "=" + abbreviate(value.getKey()),
                    op.method(),
                    path + "?" + p.name() + "=" + value.getKey(),
                    validBody,
                    bodyType)
                .expecting(expect)
                .overSocket(malformed)
                .naming(
                    expect == Expect.REJECTED ? p.name() : null,
                    malformed ? "invalid_encoding" : code));
      }
    }
    return result;
  }

  /** The seeded ids and names that make a path valid. */
  private static Map<String, String> validPath(Operation op) {
    Map<String, String> values = new HashMap<>();
    String[] segments = op.path().split("/");
    for (int i = 0; i < segments.length; i++) {
      if (!segments[i].startsWith("{")) {
        continue;
      }
      String name = segments[i].substring(1, segments[i].length() - 1);
      String value =
          switch (name) {
            case "key" -> "fuzz";
            case "userId" -> String.valueOf(ids.get("agent1"));
            case "username" -> "agent1";
            case "day" -> "2030-01-02";
            case "year" -> "2030";
            case "name" -> "calls";
            case "attachmentId" -> "999999999";
            case "id" ->
                segments[i - 1].equals("import-jobs")
                    ? importJobId
                    : String.valueOf(
                        Objects.requireNonNull(
                            ids.get(
                                switch (segments[i - 1]) {
                                  case "customers" -> "customer";
                                  case "tickets" -> "ticket";
                                  case "follow-ups" -> "followUp";
                                  case "interactions" -> "interaction";
                                  case "articles" -> "article";
                                  case "revisions" -> "revision";
                                  case "orders" -> "order";
                                  case "technicians" -> "technician";
                                  case "parts" -> "part";
                                  case "equipment" -> "equipment";
                                  case "plans" -> "plan";
                                  case "policies" -> "policy";
                                  case "users" ->
                                      op.path().startsWith("/api/v1/admin/")
                                          ? "fuzzTarget"
                                          : "agent1";
                                  default -> "?";
                                }),
                            () -> "Seed something for " + op.key()));
            default -> throw new IllegalStateException("Seed a value for {" + name + "}");
          };
      values.put(name, value);
    }
    return values;
  }

  /** Path values that name nothing valid; all must be refused. */
  private static List<String> pathValues() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "0",
                "-1",
                "9223372036854775807",
                "99999999999999999999",
                "abc",
                "1.5",
                "%20",
                "%C2%A0",
                "%E2%80%8B",
                "%EF%BB%BF",
                "%EF%BF%BD",
                "%2F",
                "x".repeat(1500)));
    values.addAll(BAD_ENCODED.keySet());
    values.addAll(MALFORMED);
    return values;
  }

  private static Map<String, Expect> queryValues(Param p) {
    Map<String, Expect> values = new LinkedHashMap<>();
    BAD_ENCODED.keySet().forEach(v -> values.put(v, Expect.REJECTED));
    MALFORMED.forEach(v -> values.put(v, Expect.REJECTED));
    for (String v :
        List.of(
            "",
            "%20%20",
            "%C2%A0",
            "%E2%80%8B",
            "%EF%BB%BF",
            "%EF%BF%BD",
            "99999999999999999999",
            "-1",
            "abc",
            "x".repeat(1500))) {
      values.put(v, Expect.UNCHANGED);
    }
    JsonNode s = p.schema();
    switch (String.valueOf(p.type())) {
      case "integer" -> {
        values.put("abc", Expect.REJECTED);
        values.put("1.5", Expect.REJECTED);
        values.put("99999999999999999999", Expect.REJECTED);
        if (s.has("minimum")) {
          values.put(String.valueOf(s.get("minimum").asLong() - 1), Expect.REJECTED);
        }
        if (s.has("maximum")) {
          values.put(String.valueOf(s.get("maximum").asLong() + 1), Expect.REJECTED);
        }
      }
      case "boolean" -> values.put("maybe", Expect.REJECTED);
      case "string" -> {
        if (s.has("enum")) {
          values.put("NOT_A_VALUE", Expect.REJECTED);
        }
        if ("date-time".equals(s.path("format").asText())) {
          values.put("abc", Expect.REJECTED);
        }
        if (s.has("maxLength")) {
          values.put("x".repeat(s.get("maxLength").asInt() + 1), Expect.REJECTED);
        }
      }
      default -> {}
    }
    return values;
  }

  /** A valid body: every required field with a plausible value. */
  private static JsonNode base(JsonNode schema) {
    return valid("", schema, true);
  }

  private static JsonNode valid(String name, JsonNode schema, boolean withRequired) {
    String type = OpenApiRoutes.type(schema);
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    return switch (String.valueOf(type)) {
      case "object" -> {
        ObjectNode o = NODES.objectNode();
        if (withRequired) {
          for (String r : OpenApiRoutes.required(schema)) {
            o.set(r, valid(r, schema.path("properties").path(r), true));
          }
          // A follow-up needs a customer or a ticket; everything else takes one too.
          if (schema.path("properties").has("customerId")) {
            o.set("customerId", NODES.numberNode(ids.get("customer")));
          }
        }
        yield o;
      }
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
          a.add(valid(name, schema.path("items"), true));
        }
        yield a;
      }
      case "integer" ->
          switch (name) {
            case "customerId" -> NODES.numberNode(ids.get("customer"));
            case "companyId" -> NODES.numberNode(ids.get("company"));
            case "ticketId" -> NODES.numberNode(ids.get("ticket"));
            case "interactionId" -> NODES.numberNode(ids.get("interaction"));
            case "ownerId", "assigneeId", "userId" -> NODES.numberNode(ids.get("agent1"));
            case "partId" -> NODES.numberNode(ids.get("part"));
            case "technicianId" -> NODES.numberNode(ids.get("tech1"));
            case "toLocationId" -> NODES.numberNode(schema.path("minimum").asLong(1) + 2);
            default -> NODES.numberNode(schema.path("minimum").asLong(1) + 1);
          };
      case "number" -> NODES.numberNode(1);
      case "boolean" -> NODES.booleanNode(true);
      case "string" ->
          NODES.textNode(
              switch (schema.path("format").asText()) {
                case "date-time" ->
                    name.equals("windowEnd") ? "2030-01-01T04:00:00Z" : "2030-01-01T00:00:00Z";
                case "date" -> "2030-01-02";
                // idempotency keys the technician's phone makes (issue 15)
                case "uuid" -> "00000000-0000-4000-8000-000000000015";
                default ->
                    switch (name) {
                      case "number" -> "0912-345-678";
                      case "from" -> "+886223456789";
                      case "agentInterface" -> "PJSIP/1009";
                      case "username" -> "fuzz-nobody";
                      case "password" -> "fuzz-wrong-password";
                      case "target" -> "support";
                      case "starts" -> "08:00";
                      case "ends" -> "17:00";
                      default -> "fuzz";
                    };
              });
      default -> NODES.nullNode();
    };
  }

  /** The body as a whole replaced, then each field of it in turn. */
  private static List<BodyCase> bodyCases(JsonNode schema, JsonNode base) {
    List<BodyCase> result = new ArrayList<>();
    for (String text : List.of("", "null", "[]", "[{}]", "\"text\"", "42", "true", "{", "{}{}")) {
      result.add(new BodyCase(text, rawJson(text), Expect.REJECTED, null, null));
    }
    boolean anyRequired = !OpenApiRoutes.required(schema).isEmpty();
    result.add(
        new BodyCase(
            "{}", NODES.objectNode(), anyRequired ? Expect.REJECTED : Expect.ANY, null, null));
    if (schema.path("additionalProperties").isBoolean()
        && !schema.get("additionalProperties").asBoolean()) {
      result.add(
          new BodyCase(
              "unknown field",
              ((ObjectNode) base.deepCopy()).put("fuzzUnknown", 1),
              Expect.REJECTED,
              "fuzzUnknown",
              "unknown_field"));
    }
    walk((ObjectNode) base, List.of(), schema, result);
    return result;
  }

  /** Marks a JSON text that is sent as is rather than serialised. */
  private static JsonNode rawJson(String text) {
    return NODES.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(text));
  }

  private static void walk(
      ObjectNode base, List<Object> at, JsonNode objectSchema, List<BodyCase> out) {
    Set<String> required = OpenApiRoutes.required(objectSchema);
    objectSchema
        .path("properties")
        .properties()
        .forEach(
            property -> {
              String name = property.getKey();
              JsonNode schema = property.getValue();
              List<Object> path = append(at, name);
              String field = fieldName(path);
              values(name, schema, required.contains(name), field)
                  .forEach(
                      v ->
                          out.add(
                              new BodyCase(
                                  field + " " + v.what(),
                                  with(base, path, v.body()),
                                  v.expect(),
                                  v.field(),
                                  v.code())));
              String type = OpenApiRoutes.type(schema);
              if ("object".equals(type) && schema.has("properties")) {
                walk(with(base, path, valid(name, schema, true)), path, schema, out);
              }
              JsonNode items = schema.path("items");
              if ("array".equals(type)
                  && "object".equals(OpenApiRoutes.type(items))
                  && items.has("properties")) {
                ArrayNode one = NODES.arrayNode().add(valid(name, items, true));
                walk(with(base, path, one), append(path, 0), items, out);
              }
            });
  }

  /** Bad values for one field; {@code body} holds the value. */
  private static List<BodyCase> values(
      String name, JsonNode schema, boolean required, String field) {
    List<BodyCase> v = new ArrayList<>();
    String type = OpenApiRoutes.type(schema);
    boolean mustGive = required && !OpenApiRoutes.nullable(schema);
    v.add(
        new BodyCase(
            "null", NODES.nullNode(), mustGive ? Expect.REJECTED : Expect.ANY, null, null));
    switch (String.valueOf(type)) {
      case "string" -> {
        boolean plain = !schema.has("enum") && !schema.has("format");
        v.add(reject("as a number", NODES.numberNode(12345), field, "invalid_field"));
        v.add(reject("as an object", NODES.objectNode().put("a", 1), field, "invalid_field"));
        for (String c : CONTROL) {
          v.add(
              reject(
                  String.format("with U+%04X", (int) c.charAt(0)),
                  NODES.textNode("a" + c + "b"),
                  field,
                  plain ? "invalid_characters" : null));
        }
        for (String s : INVISIBLE) {
          v.add(
              new BodyCase(
                  "invisible " + escape(s),
                  NODES.textNode(s),
                  required ? Expect.REJECTED : Expect.ANY,
                  null,
                  null));
        }
        int max = schema.path("maxLength").asInt(100_000);
        v.add(
            reject(
                "of " + (max + 1) + " characters",
                NODES.textNode("x".repeat(max + 1)),
                null,
                null));
        if (schema.has("enum")) {
          v.add(reject("not in the enum", NODES.textNode("NOT_A_VALUE"), field, null));
        }
        if (schema.has("pattern")) {
          v.add(reject("against the pattern", NODES.textNode("!"), null, null));
        }
        if ("date-time".equals(schema.path("format").asText())) {
          for (String d :
              List.of(
                  "0001-01-01T00:00:00Z",
                  "2200-01-01T00:00:00Z",
                  "+300000-01-01T00:00:00Z",
                  "2030-02-30T00:00:00Z",
                  "yesterday")) {
            v.add(reject(d, NODES.textNode(d), null, null));
          }
        }
      }
      case "integer" -> {
        v.add(reject("as text", NODES.textNode("abc"), field, "invalid_field"));
        v.add(reject("as a fraction", NODES.numberNode(1.5), field, "invalid_field"));
        v.add(reject("as a boolean", NODES.booleanNode(true), field, "invalid_field"));
        v.add(
            reject(
                "huge",
                NODES.numberNode(new java.math.BigInteger("99999999999999999999")),
                field,
                "invalid_field"));
        if (schema.has("minimum")) {
          v.add(
              reject(
                  "below the minimum",
                  NODES.numberNode(schema.get("minimum").asLong() - 1),
                  null,
                  null));
        } else if (name.endsWith("Id")) {
          v.add(reject("negative", NODES.numberNode(-1), null, null));
        }
        if (name.endsWith("Id")) {
          v.add(reject("naming nothing", NODES.numberNode(Long.MAX_VALUE), null, null));
        }
        if (schema.has("maximum")) {
          v.add(
              reject(
                  "above the maximum",
                  NODES.numberNode(schema.get("maximum").asLong() + 1),
                  null,
                  null));
        }
      }
      case "number" -> {
        v.add(reject("as text", NODES.textNode("abc"), field, "invalid_field"));
        v.add(reject("huge", NODES.numberNode(new java.math.BigDecimal("1e400")), null, null));
        if (schema.has("minimum")) {
          v.add(
              reject(
                  "below the minimum",
                  NODES.numberNode(schema.get("minimum").asLong() - 1),
                  null,
                  null));
        }
        if (schema.has("maximum")) {
          v.add(
              reject(
                  "above the maximum",
                  NODES.numberNode(
                      schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE)),
                  null,
                  null));
        }
      }
      case "boolean" -> {
        v.add(reject("as text", NODES.textNode("yes"), field, "invalid_field"));
        v.add(reject("as a number", NODES.numberNode(1), field, "invalid_field"));
      }
      case "array" -> {
        v.add(reject("as text", NODES.textNode("abc"), field, "invalid_field"));
        v.add(reject("as an object", NODES.objectNode(), field, "invalid_field"));
        JsonNode items = schema.path("items");
        if ("string".equals(OpenApiRoutes.type(items))) {
          String item = field + "[0]";
          v.add(reject("with a number", NODES.arrayNode().add(12345), item, "invalid_field"));
          v.add(
              reject(
                  "with NUL",
                  NODES.arrayNode().add("a\u0000b"),
                  item,
                  items.has("enum") ? null : "invalid_characters"));
          v.add(new BodyCase("with null", NODES.arrayNode().addNull(), Expect.ANY, null, null));
          int max = items.path("maxLength").asInt(100_000);
          v.add(reject("with a long item", NODES.arrayNode().add("x".repeat(max + 1)), null, null));
        }
        if (schema.has("maxItems")) {
          ArrayNode many = NODES.arrayNode();
          for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
            many.add(valid(name, items, true));
          }
          v.add(reject("with too many items", many, null, null));
        }
      }
      case "object" -> {
        v.add(reject("as text", NODES.textNode("abc"), field, "invalid_field"));
        v.add(reject("as an array", NODES.arrayNode(), field, "invalid_field"));
        JsonNode values = schema.path("additionalProperties");
        if (values.isObject()) {
          v.add(
              reject(
                  "with a number",
                  NODES.objectNode().put("k", 12345),
                  field + ".k",
                  "invalid_field"));
          v.add(
              reject(
                  "with NUL in a value",
                  NODES.objectNode().put("k", "a\u0000b"),
                  field + ".k",
                  "invalid_characters"));
          v.add(
              reject(
                  "with NUL in a key",
                  NODES.objectNode().put("a\u0000b", "v"),
                  null,
                  "invalid_characters"));
          int max = values.path("maxLength").asInt(100_000);
          v.add(
              reject(
                  "with a long value",
                  NODES.objectNode().put("k", "x".repeat(max + 1)),
                  null,
                  null));
          if (schema.has("maxProperties")) {
            ObjectNode many = NODES.objectNode();
            for (int i = 0; i <= schema.get("maxProperties").asInt(); i++) {
              many.put("k" + i, "v");
            }
            v.add(reject("with too many entries", many, null, null));
          }
        }
      }
      default -> {}
    }
    return v;
  }

  private static BodyCase reject(String what, JsonNode value, String field, String code) {
    return new BodyCase(what, value, Expect.REJECTED, field, code);
  }

  /** Bodies that are not UTF-8, or carry a raw NUL inside a JSON string. */
  private static List<Probe> rawBodyProbes(Operation op, String path, JsonNode base) {
    List<Probe> result = new ArrayList<>();
    String json = new String(bytes(base), StandardCharsets.US_ASCII);
    String head = json.length() > 2 ? json.substring(0, json.length() - 1) + "," : "{";
    for (byte[] bad :
        List.of(
            new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xc3, 0x28},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xc0, (byte) 0x80})) {
      result.add(
          Probe.refused(
                  "body with bytes " + hex(bad),
                  op.method(),
                  path,
                  concat(head + "\"fuzzText\":\"a", bad, "b\"}"),
                  "application/json")
              .naming(null, "invalid_encoding"));
    }
    result.add(
        Probe.refused(
            "body with a raw NUL in a string",
            op.method(),
            path,
            concat(head + "\"fuzzText\":\"a", new byte[] {0}, "b\"}"),
            "application/json"));
    return result;
  }

  /** CSV and JSON Lines imports: their own content type only, and bad files create nothing. */
  private static List<Probe> importProbes(Operation op, String path) {
    List<Probe> result = new ArrayList<>();
    String type = op.bodyMediaType();
    boolean csv = type.equals("text/csv");
    byte[] good =
        (csv ? "name\nFuzz import\n" : "{\"id\":\"fz\",\"title\":\"Fuzz\",\"resolution\":\"r\"}\n")
            .getBytes(StandardCharsets.UTF_8);
    for (String wrong : new String[] {"application/json", "text/plain", null}) {
      result.add(
          Probe.refused("content type " + wrong, op.method(), path, good, wrong)
              .answering(415, Set.of())
              .naming(null, "unsupported_media_type"));
    }
    List<byte[]> bad = new ArrayList<>();
    if (csv) {
      bad.add(concat("name\nA", new byte[] {0}, "B\n"));
      bad.add(concat("name\nA", new byte[] {(byte) 0xff}, "B\n"));
      bad.add(concat("name\nA", new byte[] {(byte) 0xc3, 0x28}, "B\n"));
      bad.add(concat("name\n", new byte[] {(byte) 0xc2, (byte) 0xa0}, "\n"));
      bad.add(concat("name,notes\nA,", new byte[] {0x1b}, "\n"));
      bad.add("".getBytes(StandardCharsets.UTF_8));
    } else {
      bad.add(concat("{\"id\":\"fz\",\"title\":\"a\\u0000b\",\"resolution\":\"r\"}\n"));
      bad.add(
          concat("{\"id\":\"fz\",\"title\":\"a", new byte[] {0}, "b\",\"resolution\":\"r\"}\n"));
      bad.add(
          concat(
              "{\"id\":\"fz\",\"title\":\"a",
              new byte[] {(byte) 0xff},
              "b\",\"resolution\":\"r\"}\n"));
      bad.add(concat("{\"id\":\"fz\",\"title\":\"\\u00a0\\u200b\",\"resolution\":\"r\"}\n"));
      bad.add(concat("{\"id\":\"fz\",\"title\":\"t\",\"resolution\":\"r\\ud800\"}\n"));
      bad.add(concat("null\n[]\n42\n\"x\"\n"));
      bad.add("".getBytes(StandardCharsets.UTF_8));
    }
    for (byte[] body : bad) {
      // A bad row may be reported in a 200; nothing may be stored.
      result.add(
          Probe.refused(
                  "import " + abbreviate(new String(body, StandardCharsets.ISO_8859_1)),
                  op.method(),
                  path,
                  body,
                  type)
              .expecting(Expect.UNCHANGED));
    }
    return result;
  }

  // ---- Sending and checking ----

  private static Answer send(Probe p, String token) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    if (p.contentType() != null) {
      headers.put("Content-Type", p.contentType());
    }
    if (p.socket()) {
      RawHttp.Response r =
          RawHttp.send(
              server.server().httpPort(),
              p.method(),
              p.target().getBytes(StandardCharsets.US_ASCII),
              headers,
              p.body());
      return new Answer(r.status(), r.headers(), r.text());
    }
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(server.baseUrl() + p.target()))
              .timeout(Duration.ofSeconds(30))
              .method(
                  p.method(),
                  p.body() == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(p.body()));
      headers.forEach(b::header);
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> h = new HashMap<>();
      r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      return new Answer(r.statusCode(), h, r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(p.method() + " " + p.target(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What the run found, by kind. */
  private static final class Findings {
    private final Map<String, List<String>> byKind = new TreeMap<>();

    void add(String kind, String what) {
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(what);
    }

    boolean isEmpty() {
      return byKind.isEmpty();
    }

    String summary() {
      return byKind.isEmpty()
          ? "no findings"
          : byKind.entrySet().stream()
              .map(e -> e.getValue().size() + " " + e.getKey())
              .collect(Collectors.joining(", "));
    }

    String report() {
      StringBuilder sb = new StringBuilder(summary());
      byKind.forEach(
          (kind, list) -> {
            sb.append("\n== ").append(kind).append(" (").append(list.size()).append(")");
            list.stream().limit(60).forEach(s -> sb.append("\n  ").append(s));
          });
      return sb.toString();
    }

    void check(String who, Probe p, Answer a) {
      String id =
          who
              + " "
              + p.method()
              + " "
              + abbreviate(p.target())
              + " ["
              + p.what()
              + "] -> "
              + a.status()
              + " "
              + abbreviate(a.body());
      if (a.status() >= 500) {
        add("5xx", id);
        return;
      }
      if (p.expect() == Expect.REJECTED && a.status() < 400) {
        add("bad input accepted", id);
        return;
      }
      if (a.status() < 400) {
        return;
      }
      JsonNode error = errorOf(a);
      if (error == null) {
        add("error without the error shape", id);
        return;
      }
      if (p.status() == 405 && a.status() != 405) {
        add("wrong method not 405", id);
      }
      if (a.status() == 405) {
        String allow = a.headers().get("allow");
        if (allow == null || !Set.of(allow.split(", ")).equals(p.allow())) {
          add("405 without Allow: " + String.join(", ", p.allow()), id + " Allow: " + allow);
        }
      }
      if (p.status() == 415 && !Set.of(401, 403, 404, 415).contains(a.status())) {
        add("wrong content type not 415", id);
      }
      String code = error.path("code").asText();
      String field = error.path("details").path("field").asText(null);
      if (p.code() != null
          && (a.status() == 400 || a.status() == p.status())
          && !p.code().equals(code)) {
        add(a.status() + " with another code than " + p.code(), id);
      } else if (a.status() == 400 && p.field() != null && !p.field().equals(field)) {
        add("400 naming another field than " + p.field(), id);
      }
    }

    /** The {@code error} object if the answer has the one error shape, else null. */
    private static JsonNode errorOf(Answer a) {
      String type = a.headers().get("content-type");
      if (type == null || !type.startsWith("application/json")) {
        return null;
      }
      try {
        JsonNode body = JSON.readTree(a.body());
        JsonNode error = body.path("error");
        if (body.size() != 1
            || !error.path("code").isTextual()
            || !CODE.matcher(error.get("code").asText()).matches()
            || !error.path("message").isTextual()
            || error.get("message").asText().isBlank()
            || !error.path("details").isObject()) {
          return null;
        }
        return error;
      } catch (IOException e) {
        return null;
      }
    }
  }

  /**
   * Count and checksum of every table of the public schema, in one query, less what changes by
   * design whatever the input: a session's {@code last_seen_at} (every authenticated request
   * restarts its idle timeout), and the record of refused passwords, {@code login_failure} and the
   * {@code LOGIN_FAILED}/{@code LOGIN_THROTTLED} events of {@code security_event} (a login or
   * password change with a wrong password is refused and counted for throttling). Every other row
   * of every table counts; the background jobs are held back, so any difference is a request that
   * changed data.
   */
  private static final class Fingerprint {
    /** What is compared of the tables that change by design. */
    private static final Map<String, String> SOURCES =
        Map.of(
            "auth_session",
            "select token_hash, user_id, csrf_token, created_at, expires_at, idle_timeout_seconds"
                + " from auth_session",
            "login_failure",
            "select 1 where false",
            "security_event",
            "select * from security_event where kind not in ('LOGIN_FAILED', 'LOGIN_THROTTLED')");

    private final DataSource dataSource;
    private final List<String> tables = new ArrayList<>();
    private final String query;
    private int taken;

    Fingerprint(DataSource dataSource) {
      this.dataSource = dataSource;
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select tablename from pg_tables where schemaname = 'public' order by 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      query =
          tables.stream()
              .map(
                  t ->
                      "select '"
                          + t
                          + "', count(*) || ' ' || coalesce(md5(string_agg(x::text, '|' order by"
                          + " x::text)), '') from ("
                          + SOURCES.getOrDefault(t, "select * from \"" + t + "\"")
                          + ") x")
              .collect(Collectors.joining(" union all "));
    }

    Map<String, String> take() {
      taken++;
      Map<String, String> result = new TreeMap<>();
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(query)) {
        while (rs.next()) {
          result.put(rs.getString(1), rs.getString(2));
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      return result;
    }

    static String diff(Map<String, String> before, Map<String, String> after) {
      return before.keySet().stream()
          .filter(t -> !before.get(t).equals(after.get(t)))
          .map(
              t ->
                  t
                      + " (rows "
                      + before.get(t).split(" ")[0]
                      + " -> "
                      + after.get(t).split(" ")[0]
                      + ")")
          .collect(Collectors.joining(", "));
    }
  }

  // ---- Small helpers ----

  private static List<Object> append(List<Object> path, Object element) {
    List<Object> result = new ArrayList<>(path);
    result.add(element);
    return List.copyOf(result);
  }

  private static String fieldName(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object e : path) {
      if (e instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(e);
      }
    }
    return sb.toString();
  }

  /** A copy of {@code base} with {@code value} at {@code path} (containers exist or are made). */
  private static ObjectNode with(ObjectNode base, List<Object> path, JsonNode value) {
    ObjectNode root = base.deepCopy();
    JsonNode node = root;
    for (int i = 0; i < path.size() - 1; i++) {
      Object e = path.get(i);
      Object next = path.get(i + 1);
      JsonNode child = e instanceof Integer idx ? node.get(idx) : node.get((String) e);
      if (child == null || child.isNull()) {
        child = next instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
        if (e instanceof Integer) {
          ((ArrayNode) node).add(child);
        } else {
          ((ObjectNode) node).set((String) e, child);
        }
      }
      node = child;
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer idx) {
      ArrayNode array = (ArrayNode) node;
      if (array.size() > idx) {
        array.set(idx, value);
      } else {
        array.add(value);
      }
    } else {
      ((ObjectNode) node).set((String) last, value);
    }
    return root;
  }

  private static byte[] bytes(JsonNode body) {
    try {
      return JSON.writeValueAsString(body).getBytes(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      byte[] b =
          part instanceof byte[] raw ? raw : ((String) part).getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02X", b & 0xff));
    }
    return sb.toString();
  }

  /** Control and invisible characters as {@code \}{@code uXXXX}, for messages. */
  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.chars()
        .forEach(
            c -> {
              if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04X", c));
              } else {
                sb.append((char) c);
              }
            });
    return sb.toString();
  }

  private static String abbreviate(String s) {
    String e = escape(s == null ? "" : s);
    return e.length() > 160 ? e.substring(0, 150) + "…(" + e.length() + ")" : e;
  }
}
