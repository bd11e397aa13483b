package dev.callcenter.ui.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.callcenter.cti.push.CallUpdateMessage;
import dev.callcenter.cti.push.LiveMessage;
import dev.callcenter.cti.push.PongMessage;
import dev.callcenter.cti.push.ScreenPop;
import dev.callcenter.cti.push.ScreenPopMessage;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.ui.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code docs/websocket.md} and the code agree: every example under "Message types" is a message
 * the server can send, field for field, and every kind of message has an example.
 */
class LiveMessageContractTest {

  /** Surefire runs in the module's directory; the docs are the project's. */
  private static final Path DOC = Path.of("..", "docs", "websocket.md");

  private static final Instant AT = Instant.parse("2026-11-22T02:00:00.412Z");

  /** A {@code ```json} block of the doc, with the line it starts on. */
  record Example(int line, String json) {}

  @TestFactory
  Stream<DynamicTest> everyDocumentedExampleParsesIntoItsRecordAndEncodesBackTheSame()
      throws IOException {
    return examples().stream()
        .map(
            example ->
                dynamicTest(
                    "websocket.md line " + example.line(),
                    () -> {
                      JsonNode documented = Json.mapper().readTree(example.json());
                      LiveMessage message;
                      try {
                        message = LiveMessageCodec.decode(example.json());
                      } catch (IOException e) {
                        throw new AssertionError(
                            "websocket.md line " + example.line() + ": " + e.getMessage(), e);
                      }
                      JsonNode encoded = Json.mapper().readTree(LiveMessageCodec.encode(message));
                      assertThat((Object) encoded)
                          .withFailMessage(
                              "line %d encodes back as%n%s%nnot as documented%n%s",
                              example.line(), encoded.toPrettyString(), documented.toPrettyString())
                          .isEqualTo(documented);
                    }));
  }

  @Test
  void everyKindOfMessageHasADocumentedExample() throws IOException {
    Set<String> documented = new HashSet<>();
    for (Example example : examples()) {
      documented.add(Json.mapper().readTree(example.json()).path("type").asText());
    }
    List<String> undocumented =
        Arrays.stream(LiveMessage.class.getPermittedSubclasses())
            .map(c -> LiveMessage.typeOf(c.asSubclass(LiveMessage.class)))
            .filter(type -> !documented.contains(type))
            .toList();
    assertThat(undocumented)
        .as("message types without an example under \"Message types\" in %s", DOC)
        .isEmpty();
  }

  @Test
  void aMessageIsTypeAtAndData() {
    assertThat(LiveMessageCodec.encode(new PongMessage(AT)))
        .isEqualTo("{\"type\":\"pong\",\"at\":\"2026-11-22T02:00:00.412Z\",\"data\":{}}");
  }

  @Test
  void statesGoOnTheWireByTheirWireNamesAndAbsentValuesAreLeftOut() throws IOException {
    ScreenPop pop =
        new ScreenPop(
            "1795312787.17",
            "support",
            AT,
            null,
            new ScreenPop.Caller(null, null, null, true),
            CallerLookup.Result.ANONYMOUS,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            new ScreenPop.OnAnswer("create-customer", null, null, null),
            Map.of());
    JsonNode ringing =
        Json.mapper()
            .readTree(
                LiveMessageCodec.encode(
                    new ScreenPopMessage(
                        AT,
                        new ScreenPopMessage.Data(
                            ScreenPopMessage.State.RINGING, "PJSIP/1001", null, pop))));
    JsonNode stopped =
        Json.mapper()
            .readTree(
                LiveMessageCodec.encode(
                    new CallUpdateMessage(
                        AT,
                        new CallUpdateMessage.Data(
                            "1795312787.17", CallUpdateMessage.State.ANSWERED_ELSEWHERE))));

    assertThat(ringing.path("type").asText()).isEqualTo("screen-pop");
    assertThat(ringing.path("data").path("state").asText()).isEqualTo("ringing");
    assertThat(ringing.path("data").path("callId").asText()).isEqualTo("1795312787.17");
    assertThat(ringing.path("data").has("interactionId")).isFalse();
    assertThat(ringing.path("data").path("pop").has("customer")).isFalse();
    assertThat(ringing.path("data").path("pop").has("transfer")).isFalse();
    assertThat(stopped.path("data").path("state").asText()).isEqualTo("answered-elsewhere");
    assertThat(stopped.path("data").has("onAnswer")).isFalse();
  }

  @Test
  void anUnknownTypeOrFieldIsNotAMessage() {
    for (String json :
        List.of(
            "{\"type\":\"dispatch\",\"at\":\"2026-11-22T02:00:00Z\",\"data\":{}}",
            "{\"type\":\"pong\",\"at\":\"2026-11-22T02:00:00Z\",\"data\":{\"extra\":1}}",
            "{\"at\":\"2026-11-22T02:00:00Z\",\"data\":{}}")) {
      assertThat(decodes(json)).as(json).isFalse();
    }
  }

  private static boolean decodes(String json) {
    try {
      LiveMessageCodec.decode(json);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The {@code ```json} blocks between "## Message types" and the next section of its level. */
  static List<Example> examples() throws IOException {
    assertThat(DOC).as("the WebSocket documentation").exists();
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    boolean inSection = false;
    int start = -1;
    List<String> block = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("## ")) {
        inSection = line.strip().equals("## Message types");
      } else if (inSection && start < 0 && line.strip().equals("```json")) {
        start = i + 2;
        block.clear();
      } else if (start >= 0 && line.strip().equals("```")) {
        examples.add(new Example(start, block.stream().collect(Collectors.joining("\n"))));
        start = -1;
      } else if (start >= 0) {
        block.add(line);
      }
    }
    assertThat(examples).as("examples under \"Message types\" in %s", DOC).isNotEmpty();
    return examples;
  }
}
