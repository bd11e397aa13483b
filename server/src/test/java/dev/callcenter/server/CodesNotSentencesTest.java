package dev.callcenter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulator calls through the demo server (abandoned, answered, through the IVR) leave codes and
 * parameters on the timeline, the pop and the callback, never a sentence the server composed.
 */
class CodesNotSentencesTest {

  @Test
  void abandonedAnsweredAndIvrCallsAreCodesWithParameters(@TempDir Path dataDir)
      throws InterruptedException {
    ServerConfig config =
        Main.demoConfig(
            Map.of(
                "CC_DATA_DIR", dataDir.toString(),
                "CC_HTTP_PORT", "0",
                "CC_DEMO_PASSWORD", "letmein",
                "CC_CUSTOMERS_TIER_JOB_INTERVAL", "0s"));
    try (CallCenterServer server = Main.startDemo(config)) {
      ApiClient agent =
          ApiClient.anonymous("http://127.0.0.1:" + server.httpPort()).login("agent1", "letmein");
      long customer =
          agent
              .get("/api/v1/customers/lookup?phone=0912345678")
              .body()
              .at("/customers/0/id")
              .asLong();
      try (WsClient ws = WsClient.connect("http://127.0.0.1:" + server.httpPort(), agent.token())) {
        ws.await("hello");
        ws.await("agent-state", m -> m.at("/data/state").asText().equals("available"));

        String abandoned =
            place(agent, Map.of("from", "0912-345-678", "outcome", "abandoned", "ringSeconds", 1));
        ws.await("call-update", m -> isCall(m, abandoned) && state(m, "abandoned"));
        JsonNode callback =
            ws.await(
                    "follow-up",
                    m ->
                        m.at("/data/customerId").asLong() == customer
                            && "CALLBACK_MISSED_CALL".equals(m.at("/data/kind").asText()))
                .get("data");
        assertThat(callback.has("title")).isFalse();
        assertThat(callback.has("note")).isFalse();
        assertThat(callback.at("/params/missed").asText()).isEqualTo("ABANDONED");
        assertThat(callback.at("/params/callId").asText()).isEqualTo(abandoned);
        assertThat(callback.at("/params/queue").asText()).startsWith("support");

        String answered = place(agent, Map.of("from", "0912-345-678", "talkSeconds", 1));
        ws.await("call-update", m -> isCall(m, answered) && state(m, "ended"));
        ws.await("agent-state", m -> m.at("/data/state").asText().equals("available"));

        String viaIvr =
            place(agent, Map.of("from", "0912-345-678", "digits", "0", "talkSeconds", 1));
        JsonNode pop = ws.await("screen-pop", m -> isCall(m, viaIvr)).at("/data/pop");
        JsonNode ivr = pop.at("/extras/ivr");
        assertThat(ivr.has("path")).as(ivr.toString()).isFalse();
        List<String> steps = new ArrayList<>();
        ivr.get("steps")
            .forEach(
                s ->
                    steps.add(
                        s.get("menu").asText()
                            + " "
                            + s.get("outcome").asText()
                            + " "
                            + s.get("params")));
        assertThat(steps)
            .as(ivr.toString())
            .contains("main CHOSE {\"value\":\"agent\"}")
            .anyMatch(s -> s.startsWith("identify KNOWN_BY_NUMBER {\"customerId\":\"" + customer))
            .anyMatch(s -> s.startsWith("agent TO_AGENT {") && s.contains("\"reason\":\"ASKED\""));
        assertThat(pop.at("/onAnswer/ticket").has("title")).isFalse();
        JsonNode recent = pop.get("recent");
        assertThat(recent).isNotEmpty();
        recent.forEach(e -> assertThat(e.has("summary")).as(e.toString()).isFalse());
        ws.await("call-update", m -> isCall(m, viaIvr) && state(m, "ended"));
      }

      JsonNode timeline =
          agent.get("/api/v1/customers/" + customer + "/timeline?limit=50").body().get("items");
      List<JsonNode> calls = new ArrayList<>();
      timeline.forEach(
          e -> {
            if (e.at("/interaction/event").isTextual()) {
              calls.add(e.get("interaction"));
            }
          });
      assertThat(calls)
          .extracting(c -> c.get("event").asText())
          .containsSubsequence("ANSWERED", "IVR", "ANSWERED", "ABANDONED");
      assertThat(calls).allSatisfy(c -> assertThat(c.has("summary")).as(c.toString()).isFalse());
      JsonNode missed = calls.get(calls.size() - 1);
      assertThat(missed.get("answered").asBoolean()).isFalse();
      assertThat(missed.get("channel").asText()).isEqualTo("PHONE_IN");
      assertThat(missed.get("queue").asText()).startsWith("support");
      assertThat(missed.get("waitSeconds").isInt()).isTrue();
      JsonNode ivrContact =
          calls.stream()
              .filter(c -> c.get("event").asText().equals("IVR"))
              .findFirst()
              .orElseThrow();
      assertThat(ivrContact.at("/params/outcome").asText()).isEqualTo("AGENT");
      JsonNode talked = calls.get(2);
      assertThat(talked.get("answered").asBoolean()).isTrue();
      assertThat(talked.get("talkSeconds").isInt()).as(talked.toString()).isTrue();
      assertThat(timeline.toString())
          .doesNotContain("Abandoned call")
          .doesNotContain("Queue call")
          .doesNotContain("Call back")
          .doesNotContain("IVR:");
    }
  }

  private static String place(ApiClient agent, Map<String, Object> call) {
    ApiClient.Response placed = agent.post("/api/v1/simulator/calls", call);
    assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
    return placed.body().get("callId").asText();
  }

  private static boolean isCall(JsonNode m, String callId) {
    return m.at("/data/callId").asText().equals(callId);
  }

  private static boolean state(JsonNode m, String state) {
    return m.at("/data/state").asText().equals(state);
  }
}
