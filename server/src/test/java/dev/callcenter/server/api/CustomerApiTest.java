package dev.callcenter.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.server.ApiClient;
import dev.callcenter.server.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerApiTest {

  private static TestServer server;
  private static ApiClient agent;
  private static long customerId;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    agent = server.as("agent1");
    ApiClient.Response created =
        agent.post(
            "/api/v1/customers",
            Map.of(
                "name", "黃大偉",
                "language", "zh-TW",
                "phones",
                    List.of(
                        Map.of("type", "WORK", "number", "02-2345-6789"),
                        Map.of("type", "MOBILE", "number", "0912-345-678"),
                        Map.of("type", "OTHER", "number", "+86 138 0013 8000"))));
    assertThat(created.status()).isEqualTo(201);
    customerId = created.body().get("id").asLong();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static int customerCount() {
    return agent.get("/api/v1/customers?limit=200").body().get("items").size();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "02-2345-6789",
        "(02) 2345 6789",
        "+886 2 2345 6789",
        "00886223456789",
        "0912-345-678",
        "+86 138 0013 8000"
      })
  void lookupFindsTheCustomerWhateverTheFormat(String phone) {
    ApiClient.Response r =
        agent.get(
            "/api/v1/customers/lookup?phone="
                + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("result").asText()).isEqualTo("KNOWN");
    assertThat(r.body().at("/customers/0/id").asLong()).isEqualTo(customerId);
  }

  @Test
  void lookupOfAWithheldNumberIsAnonymous() {
    assertThat(agent.get("/api/v1/customers/lookup?phone=anonymous").body().get("result").asText())
        .isEqualTo("ANONYMOUS");
  }

  @Test
  void lookupWithoutPhoneIs400NamingIt() {
    ApiClient.Response r = agent.get("/api/v1/customers/lookup");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorField()).isEqualTo("phone");
  }

  @Test
  void malformedJsonIs400AndWritesNothing() {
    int before = customerCount();
    ApiClient.Response r =
        agent.send("POST", "/api/v1/customers", "{\"name\": \"half", "application/json");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("malformed_json");
    assertThat(customerCount()).isEqualTo(before);
  }

  @Test
  void overLongNameIs400NamingTheFieldAndWritesNothing() {
    int before = customerCount();
    ApiClient.Response r = agent.post("/api/v1/customers", Map.of("name", "名".repeat(201)));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("invalid_field");
    assertThat(r.errorField()).isEqualTo("name");
    assertThat(r.body().at("/error/message").asText()).contains("at most 200");
    assertThat(customerCount()).isEqualTo(before);
  }

  @Test
  void unknownFieldsWrongTypesAndBadEnumsAre400NamingTheField() {
    ApiClient.Response unknown = agent.post("/api/v1/customers", Map.of("name", "A", "nmae", "B"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorCode()).isEqualTo("unknown_field");
    assertThat(unknown.errorField()).isEqualTo("nmae");

    ApiClient.Response wrongType = agent.post("/api/v1/customers", Map.of("name", 42));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorField()).isEqualTo("name");

    ApiClient.Response badEnum =
        agent.post(
            "/api/v1/customers",
            Map.of(
                "name", "A", "phones", List.of(Map.of("type", "PAGER", "number", "0912345678"))));
    assertThat(badEnum.status()).isEqualTo(400);
    assertThat(badEnum.errorField()).isEqualTo("phones[0].type");

    ApiClient.Response badLanguage =
        agent.post("/api/v1/customers", Map.of("name", "A", "language", "fr"));
    assertThat(badLanguage.status()).isEqualTo(400);
    assertThat(badLanguage.errorField()).isEqualTo("language");
  }

  @Test
  void badPhoneNumberIs400NamingItsPositionAndWritesNothing() {
    int before = customerCount();
    ApiClient.Response r =
        agent.post(
            "/api/v1/customers",
            Map.of(
                "name",
                "Bad Phone",
                "phones",
                List.of(Map.of("number", "0912-000-111"), Map.of("number", "not a number"))));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorField()).isEqualTo("phones[1].number");
    assertThat(customerCount()).isEqualTo(before);
    assertThat(agent.get("/api/v1/customers/lookup?phone=0912000111").body().get("result").asText())
        .isEqualTo("UNKNOWN");
  }

  @Test
  void bodyMustBeThereAndPathIdsMustBeNumbers() {
    ApiClient.Response empty = agent.send("POST", "/api/v1/customers", "", "application/json");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.errorCode()).isEqualTo("body_required");
    ApiClient.Response literalNull =
        agent.send("POST", "/api/v1/customers", "null", "application/json");
    assertThat(literalNull.status()).isEqualTo(400);
    assertThat(literalNull.errorCode()).isEqualTo("body_required");
    ApiClient.Response nullLogin =
        server.anonymous().send("POST", "/api/v1/auth/login", "null", "application/json");
    assertThat(nullLogin.status()).isEqualTo(400);
    assertThat(nullLogin.errorCode()).isEqualTo("body_required");

    ApiClient.Response badId = agent.get("/api/v1/customers/abc");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.errorField()).isEqualTo("id");

    ApiClient.Response missing = agent.get("/api/v1/customers/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.errorCode()).isEqualTo("customer_not_found");
  }

  @Test
  void unknownRouteIsAJson404() {
    ApiClient.Response r = agent.get("/api/v1/nothing-here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("not_found");
  }

  @Test
  void updateKeepsOriginalPhoneTextAndBumpsVersion() {
    JsonNode before = agent.get("/api/v1/customers/" + customerId).body();
    ApiClient.Response r =
        agent.put(
            "/api/v1/customers/" + customerId,
            Map.of(
                "name",
                "黃大偉",
                "notes",
                "prefers mornings",
                "version",
                before.get("version").asInt(),
                "phones",
                List.of(
                    Map.of("type", "WORK", "number", "02-2345-6789"),
                    Map.of("type", "MOBILE", "number", "0912-345-678"),
                    Map.of("type", "OTHER", "number", "+86 138 0013 8000"))));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("version").asInt()).isEqualTo(before.get("version").asInt() + 1);
    assertThat(r.body().at("/phones/0/original").asText()).isEqualTo("02-2345-6789");
    assertThat(r.body().at("/phones/0/e164").asText()).isEqualTo("+886223456789");

    ApiClient.Response stale =
        agent.put(
            "/api/v1/customers/" + customerId,
            Map.of("name", "Overwritten", "version", before.get("version").asInt()));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(agent.get("/api/v1/customers/" + customerId).body().get("name").asText())
        .isEqualTo("黃大偉");
  }

  @Test
  void interactionIsRecordedForTheLoggedInAgent() {
    ApiClient.Response r =
        agent.post(
            "/api/v1/interactions",
            Map.of("customerId", customerId, "channel", "EMAIL", "summary", "Asked about invoice"));

    assertThat(r.status()).isEqualTo(201);
    assertThat(r.body().get("direction").asText()).isEqualTo("INBOUND");
    assertThat(r.body().get("agentName").asText()).isEqualTo("agent1");
    JsonNode list =
        agent.get("/api/v1/customers/" + customerId + "/interactions").body().get("items");
    assertThat(list)
        .anySatisfy(i -> assertThat(i.get("summary").asText()).isEqualTo("Asked about invoice"));
  }
}
