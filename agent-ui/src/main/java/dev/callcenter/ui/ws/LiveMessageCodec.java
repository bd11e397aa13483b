package dev.callcenter.ui.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callcenter.cti.push.LiveMessage;
import dev.callcenter.ui.http.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The one place live messages become JSON: {@code {"type":…,"at":…,"data":…}} with the API's mapper
 * (ISO-8601 instants, nulls left out); and back, for clients and the contract test.
 */
public final class LiveMessageCodec {

  /** Every kind of message by its wire type; checked once, at class loading. */
  private static final Map<String, Class<? extends LiveMessage>> KINDS = kinds();

  private LiveMessageCodec() {}

  /** The wire shape; {@code data} is serialised as its runtime record. */
  private record Envelope(String type, Instant at, Object data) {}

  public static String encode(LiveMessage message) {
    return Json.write(new Envelope(message.type(), message.at(), message.data())).toString();
  }

  /**
   * Parses a message as {@link #encode} writes it, strictly (unknown fields are errors).
   *
   * @throws IOException when it is not JSON, its type is unknown or its data does not fit
   */
  public static LiveMessage decode(String json) throws IOException {
    JsonNode tree = Json.mapper().readTree(json);
    if (!(tree instanceof ObjectNode message) || !message.path("type").isTextual()) {
      throw new IOException("A live message is an object with a \"type\"");
    }
    String type = message.remove("type").asText();
    Class<? extends LiveMessage> kind = KINDS.get(type);
    if (kind == null) {
      throw new IOException("Unknown live message type " + type);
    }
    return Json.mapper().treeToValue(message, kind);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Class<? extends LiveMessage>> kinds() {
    Map<String, Class<? extends LiveMessage>> kinds = new HashMap<>();
    for (Class<?> c : LiveMessage.class.getPermittedSubclasses()) {
      Class<? extends LiveMessage> kind = (Class<? extends LiveMessage>) c;
      Class<?> previous = kinds.put(LiveMessage.typeOf(kind), kind);
      if (previous != null) {
        throw new IllegalStateException(
            previous.getName() + " and " + kind.getName() + " share a wire type");
      }
    }
    return Map.copyOf(kinds);
  }
}
