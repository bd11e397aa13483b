package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of bad input the fuzz test ({@link FuzzTest}) found answered with a 500, taken
 * as valid or answered outside the error shape: each is now a 4xx in the one error shape, naming
 * the field, and stores nothing.
 */
class BadInputApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static TestServer server;
  private static ApiClient agent;
  private static ApiClient supervisor;
  private static long customer;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    agent = server.as("agent1");
    supervisor = server.as("supervisor1");
    customer =
        agent.post("/api/v1/customers", Map.of("name", "Bad Input Co")).body().get("id").asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Sends raw bytes with the given content type (null: no Content-Type header). */
  private static ApiClient.Response sendBytes(
      ApiClient client, String method, String path, byte[] body, String contentType) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
              .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
              .header("Authorization", "Bearer " + client.token());
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode parsed = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
      return new ApiClient.Response(r.statusCode(), parsed, r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int customers() {
    return agent.get("/api/v1/customers?limit=200").body().get("items").size();
  }

  @Test
  void nulAndControlCharactersInQueryAndPathAre400NamingTheParameterNeverA500() {
    // PostgreSQL cannot store NUL: this was "invalid byte sequence for encoding UTF8: 0x00", a 500.
    ApiClient.Response nul = agent.get("/api/v1/customers?q=%00");
    ApiClient.Response esc = agent.get("/api/v1/kb/search?q=abc%1Bdef");
    ApiClient.Response path = supervisor.get("/api/v1/agents/a%00b/state");
    ApiClient.Response unread = agent.get("/api/v1/customers/" + customer + "?whatever=%7F");

    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.errorCode()).isEqualTo("invalid_characters");
    assertThat(nul.errorField()).isEqualTo("q");
    assertThat(esc.errorCode()).isEqualTo("invalid_characters");
    assertThat(path.status()).isEqualTo(400);
    assertThat(path.errorCode()).isEqualTo("invalid_characters");
    assertThat(path.errorField()).isEqualTo("username");
    assertThat(unread.errorField()).isEqualTo("whatever");
  }

  @Test
  void queryTextThatIsNotUtf8Is400InvalidEncodingNotReplacementCharacters() {
    // %C3%28 used to become U+FFFD( and search for that; %zz was a 500 on /ws.
    ApiClient.Response truncated = agent.get("/api/v1/kb/search?q=%C3%28");
    ApiClient.Response overlong = agent.get("/api/v1/customers?q=%C0%80");
    RawHttp.Response malformed =
        RawHttp.send(
            port(), "GET", "/ws?token=%zz".getBytes(StandardCharsets.US_ASCII), Map.of(), null);
    RawHttp.Response malformedPath =
        RawHttp.send(
            port(),
            "GET",
            "/api/v1/customers/%zz".getBytes(StandardCharsets.US_ASCII),
            Map.of("Authorization", "Bearer " + agent.token()),
            null);

    assertThat(truncated.status()).isEqualTo(400);
    assertThat(truncated.errorCode()).isEqualTo("invalid_encoding");
    assertThat(truncated.errorField()).isEqualTo("q");
    assertThat(overlong.errorCode()).isEqualTo("invalid_encoding");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.text()).contains("\"invalid_encoding\"", "\"token\"");
    assertThat(malformedPath.status()).isEqualTo(400);
    assertThat(malformedPath.text()).contains("\"invalid_encoding\"", "\"field\":\"id\"");
  }

  @Test
  void controlCharactersInAnyBodyStringAre400NamingTheFieldAndStoreNothing() {
    int before = customers();

    ApiClient.Response nested =
        agent.post(
            "/api/v1/customers",
            Map.of("name", "Nested", "phones", List.of(Map.of("number", "0912\u0000345"))));
    ApiClient.Response attribute =
        agent.post(
            "/api/v1/customers", Map.of("name", "Attr", "attributes", Map.of("k", "v\u001b")));
    // Escaped: as UTF-8 a lone surrogate cannot even be sent.
    ApiClient.Response surrogate =
        agent.send("POST", "/api/v1/customers", "{\"name\":\"a\\ud800b\"}", "application/json");
    // The holiday's name had no check at all: ESC was stored.
    ApiClient.Response holiday =
        supervisor.put("/api/v1/calendar/holidays/2031-01-02", Map.of("name", "New\u001b year"));
    ApiClient.Response tab =
        supervisor.put(
            "/api/v1/calendar/holidays/2031-01-03", Map.of("name", "Tab\tand\nnew line"));

    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.errorCode()).isEqualTo("invalid_characters");
    assertThat(nested.errorField()).isEqualTo("phones[0].number");
    assertThat(attribute.errorField()).isEqualTo("attributes.k");
    assertThat(surrogate.errorCode()).isEqualTo("invalid_characters");
    assertThat(surrogate.errorField()).isEqualTo("name");
    assertThat(holiday.status()).isEqualTo(400);
    assertThat(holiday.errorField()).isEqualTo("name");
    assertThat(tab.status()).as("tab, CR and LF are text").isEqualTo(200);
    assertThat(customers()).isEqualTo(before);
    assertThat(supervisor.get("/api/v1/calendar/holidays").body().toString())
        .doesNotContain("2031-01-02");
  }

  @Test
  void bodiesThatAreNotUtf8Are400InvalidEncodingAndImportNothing() {
    int before = customers();
    byte[] json = {
      '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', 'A', (byte) 0xC0, (byte) 0x80, '"', '}'
    };
    ApiClient.Response body =
        sendBytes(agent, "POST", "/api/v1/customers", json, "application/json");
    // The knowledge-base import decoded leniently: U+FFFD went into the articles.
    byte[] line =
        "{\"id\":\"enc-1\",\"title\":\"Caf\u00e9 x\",\"resolution\":\"r\"}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    ApiClient.Response jsonLines =
        sendBytes(supervisor, "POST", "/api/v1/kb/import", line, "application/x-ndjson");

    assertThat(body.status()).isEqualTo(400);
    assertThat(body.errorCode()).isEqualTo("invalid_encoding");
    assertThat(jsonLines.status()).isEqualTo(400);
    assertThat(jsonLines.errorCode()).isEqualTo("invalid_encoding");
    assertThat(customers()).isEqualTo(before);
    assertThat(supervisor.get("/api/v1/kb/articles").body().toString()).doesNotContain("enc-1");
  }

  @Test
  void aJsonRouteTakesOnlyJsonInUtf8AndOtherBodiesAre415() {
    int before = customers();
    byte[] valid = "{\"name\":\"Typed\"}".getBytes(StandardCharsets.UTF_8);

    ApiClient.Response plain = sendBytes(agent, "POST", "/api/v1/customers", valid, "text/plain");
    ApiClient.Response none = sendBytes(agent, "POST", "/api/v1/customers", valid, null);
    ApiClient.Response form =
        sendBytes(agent, "POST", "/api/v1/customers", valid, "application/x-www-form-urlencoded");
    ApiClient.Response latin1 =
        sendBytes(
            agent, "POST", "/api/v1/customers", valid, "application/json; charset=iso-8859-1");
    ApiClient.Response csvAsJson =
        sendBytes(
            supervisor,
            "POST",
            "/api/v1/customers/import",
            "name\nCsv\n".getBytes(StandardCharsets.UTF_8),
            "application/json");

    for (ApiClient.Response r : List.of(plain, none, form, latin1, csvAsJson)) {
      assertThat(r.status()).isEqualTo(415);
      assertThat(r.errorCode()).isEqualTo("unsupported_media_type");
    }
    assertThat(plain.body().at("/error/details/expected").asText()).isEqualTo("application/json");
    assertThat(plain.body().at("/error/details/received").asText()).isEqualTo("text/plain");
    assertThat(customers()).isEqualTo(before);
    assertThat(
            sendBytes(agent, "POST", "/api/v1/customers", valid, "application/json;charset=UTF-8")
                .status())
        .isEqualTo(201);
    // Actions without a body need no content type; an empty body is not a wrong one.
    assertThat(supervisor.post("/api/v1/customers/tiers/recompute", null).status()).isEqualTo(200);
    assertThat(server.as("agent2").post("/api/v1/auth/logout", null).status()).isEqualTo(204);
  }

  @Test
  void aMethodThePathDoesNotTakeIs405WithAllowForEveryoneAndUnknownPathsStay404() {
    ApiClient.Response delete = agent.delete("/api/v1/customers/" + customer + "/interactions");
    ApiClient.Response lookup = agent.post("/api/v1/customers/lookup", Map.of());
    ApiClient.Response anonymous = server.anonymous().put("/api/v1/health", Map.of());
    ApiClient.Response unknown = agent.get("/api/v1/no-such-thing");

    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.errorCode()).isEqualTo("method_not_allowed");
    assertThat(delete.raw().headers().firstValue("allow")).hasValue("GET");
    // A literal path wins over a template: this is not customer "lookup".
    assertThat(lookup.status()).isEqualTo(405);
    assertThat(lookup.raw().headers().firstValue("allow")).hasValue("GET");
    assertThat(anonymous.status()).isEqualTo(405);
    assertThat(
            agent
                .put("/api/v1/customers/" + customer + "/tickets", Map.of())
                .body()
                .at("/error/details/allowed")
                .toString())
        .isEqualTo("[\"GET\"]");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.errorCode()).isEqualTo("not_found");
  }

  @Test
  void wrongTypesAndNumbersOutOfRangeAre400NamingTheFieldNeverTruncated() {
    long ticket =
        agent
            .post(
                "/api/v1/tickets",
                Map.of("type", "QUESTION", "title", "Types", "customerId", customer))
            .body()
            .get("id")
            .asLong();

    // 1.5 was taken as 1; a long number was "malformed JSON"; a number was a 1970 instant.
    ApiClient.Response fraction =
        agent.put("/api/v1/tickets/" + ticket + "/assignee", Map.of("assigneeId", 1.5));
    ApiClient.Response huge =
        agent.send(
            "PUT",
            "/api/v1/tickets/" + ticket + "/assignee",
            "{\"assigneeId\":99999999999999999999}",
            "application/json");
    ApiClient.Response epoch =
        agent.post(
            "/api/v1/interactions",
            Map.of("customerId", customer, "channel", "NOTE", "startedAt", 12345));
    ApiClient.Response array = agent.post("/api/v1/customers", List.of(Map.of("name", "x")));
    ApiClient.Response scalar =
        agent.send("POST", "/api/v1/customers", "\"x\"", "application/json");

    assertThat(fraction.status()).isEqualTo(400);
    assertThat(fraction.errorField()).isEqualTo("assigneeId");
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.errorCode()).isEqualTo("invalid_field");
    assertThat(huge.errorField()).isEqualTo("assigneeId");
    assertThat(epoch.status()).isEqualTo(400);
    assertThat(epoch.errorField()).isEqualTo("startedAt");
    assertThat(array.status()).isEqualTo(400);
    assertThat(array.errorField()).isEqualTo("(body)");
    assertThat(scalar.status()).isEqualTo(400);
    assertThat(agent.get("/api/v1/tickets/" + ticket).body().has("assigneeId")).isFalse();
  }

  @Test
  void datesOutsideTheCenturyAndValuesTooBigForTheirColumnAre400NotA500() {
    // Year +300000 is beyond PostgreSQL's timestamps; 1e400 beyond numeric(14,2): both were 500s.
    ApiClient.Response farFuture =
        agent.post(
            "/api/v1/interactions",
            Map.of(
                "customerId", customer, "channel", "NOTE", "endedAt", "+300000-01-01T00:00:00Z"));
    ApiClient.Response yearOne =
        agent.post(
            "/api/v1/interactions",
            Map.of("customerId", customer, "channel", "NOTE", "startedAt", "0001-01-01T00:00:00Z"));
    ApiClient.Response value =
        supervisor.send(
            "PUT",
            "/api/v1/customers/" + customer + "/value",
            "{\"value12m\":1e400}",
            "application/json");

    assertThat(farFuture.status()).isEqualTo(400);
    assertThat(farFuture.errorField()).isEqualTo("endedAt");
    assertThat(yearOne.status()).isEqualTo(400);
    assertThat(yearOne.errorField()).isEqualTo("startedAt");
    assertThat(value.status()).isEqualTo(400);
    assertThat(value.errorField()).isEqualTo("value12m");
    assertThat(agent.get("/api/v1/customers/" + customer + "/interactions").body().get("items"))
        .isEmpty();
  }

  @Test
  void idsThatNameNothingAre404NotAForeignKeyErrorOrAnEmptyList() {
    long article =
        agent
            .post("/api/v1/kb/articles", Map.of("title", "Feedback", "language", "en"))
            .body()
            .get("id")
            .asLong();

    // A helpful vote naming a ticket that does not exist broke the foreign key: a 500.
    ApiClient.Response feedback =
        agent.post(
            "/api/v1/kb/articles/" + article + "/feedback",
            Map.of("kind", "HELPFUL", "ticketId", Long.MAX_VALUE));
    ApiClient.Response negative =
        agent.post(
            "/api/v1/kb/articles/" + article + "/feedback",
            Map.of("kind", "HELPFUL", "ticketId", -1));
    ApiClient.Response tickets = agent.get("/api/v1/customers/" + Long.MAX_VALUE + "/tickets");
    ApiClient.Response maybe = agent.get("/api/v1/customers/" + customer + "/tickets?open=maybe");

    assertThat(feedback.status()).isEqualTo(404);
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.errorField()).isEqualTo("ticketId");
    assertThat(tickets.status()).isEqualTo(404);
    assertThat(maybe.status()).isEqualTo(400);
    assertThat(maybe.errorField()).isEqualTo("open");
    assertThat(
            agent.get("/api/v1/kb/articles/" + article + "/feedback").body().get("helpful").asInt())
        .isZero();
  }

  @Test
  void requiredTextOfOnlyInvisibleCharactersIsMissing() {
    int before = customers();

    ApiClient.Response zeroWidth = agent.post("/api/v1/customers", Map.of("name", "\u200b\ufeff"));
    ApiClient.Response noBreak = agent.post("/api/v1/customers", Map.of("name", "\u00a0"));

    assertThat(zeroWidth.status()).isEqualTo(400);
    assertThat(zeroWidth.errorField()).isEqualTo("name");
    assertThat(noBreak.status()).isEqualTo(400);
    assertThat(customers()).isEqualTo(before);
  }

  @Test
  void requestsOutsideTheApiShapeAreAnsweredInTheErrorShape() {
    // A plain HTTP/1.1 GET of the WebSocket was Vert.x's text "Connection header must be Upgrade".
    RawHttp.Response ws =
        RawHttp.send(
            port(),
            "GET",
            "/ws".getBytes(StandardCharsets.US_ASCII),
            Map.of("Authorization", "Bearer " + agent.token()),
            null);
    RawHttp.Response tooLong =
        RawHttp.send(
            port(),
            "GET",
            ("/api/v1/customers?q=" + "x".repeat(10_000)).getBytes(StandardCharsets.US_ASCII),
            Map.of(),
            null);

    assertThat(ws.status()).isEqualTo(400);
    assertThat(ws.text()).contains("\"websocket_upgrade_required\"");
    assertThat(tooLong.status()).isEqualTo(414);
    assertThat(tooLong.headers().get("content-type")).startsWith("application/json");
    assertThat(tooLong.text()).contains("\"uri_too_long\"");
  }

  private static int port() {
    return server.server().httpPort();
  }
}
