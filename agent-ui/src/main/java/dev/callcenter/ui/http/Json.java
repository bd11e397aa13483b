package dev.callcenter.ui.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.callcenter.cti.live.AgentState;
import dev.callcenter.cti.push.CallUpdateMessage;
import dev.callcenter.cti.push.ScreenPopMessage;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * The API's one JSON mapper: strict on input (unknown fields, wrong types and coercions are
 * errors), ISO-8601 instants on output, nulls omitted.
 */
public final class Json {

  private static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    JsonMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Generated accessors instead of reflection: JSON is a large share of a request's CPU.
            .addModule(new BlackbirdModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Customer.class, CustomerMixin.class)
            .addMixIn(AgentState.class, WireNameMixin.class)
            .addMixIn(ScreenPopMessage.State.class, WireNameMixin.class)
            .addMixIn(CallUpdateMessage.State.class, WireNameMixin.class)
            .build();
    // A number where text is expected is a mistake, not something to guess about.
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(100_000).build());
    return mapper;
  }

  /** Adds the derived tier to customer JSON without Jackson annotations in the helpdesk. */
  abstract static class CustomerMixin {
    @JsonProperty("effectiveTier")
    abstract Tier effectiveTier();
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses a request body into {@code type}; Jackson's exceptions are rendered as 400s. */
  public static <T> T read(Buffer body, Class<T> type) throws IOException {
    if (body == null || body.length() == 0) {
      throw new EmptyBodyException();
    }
    T value = MAPPER.readValue(body.getBytes(), type);
    if (value == null) {
      // The body was the JSON literal null.
      throw new EmptyBodyException();
    }
    return value;
  }

  public static Buffer write(Object value) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** The request needed a JSON body and had none. */
  public static final class EmptyBodyException extends IOException {
    EmptyBodyException() {
      super("The request body must be a JSON object");
    }
  }

  /**
   * Enums with a {@code wireName()} on the wire by it: agent states as {@code available}, {@code
   * logged-out}, {@code on-call}…, live message states as {@code ringing}, {@code no-answer}…
   */
  abstract static class WireNameMixin {
    @JsonValue
    abstract String wireName();
  }
}
