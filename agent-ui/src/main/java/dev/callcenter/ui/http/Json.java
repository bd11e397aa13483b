package dev.callcenter.ui.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.callcenter.cti.live.AgentState;
import dev.callcenter.cti.push.CallUpdateMessage;
import dev.callcenter.cti.push.ScreenPopMessage;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.Tier;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * The API's one JSON mapper: strict on input (unknown fields, wrong types and coercions are errors,
 * text must be UTF-8 without control characters), ISO-8601 instants on output, nulls omitted.
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
            // 1.5 for a whole number is a mistake, not 1.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(Customer.class, CustomerMixin.class)
            .addMixIn(AgentState.class, WireNameMixin.class)
            .addMixIn(ScreenPopMessage.State.class, WireNameMixin.class)
            .addMixIn(CallUpdateMessage.State.class, WireNameMixin.class)
            .addModule(
                new SimpleModule("checked-text")
                    .addDeserializer(String.class, new CheckedString())
                    .addDeserializer(Instant.class, new CheckedInstant())
                    .addKeyDeserializer(String.class, new CheckedKey()))
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

  /**
   * Parses a request body into {@code type}; Jackson's exceptions are rendered as 400s, bytes that
   * are not UTF-8 as 400 {@code invalid_encoding}.
   */
  public static <T> T read(Buffer body, Class<T> type) throws IOException {
    if (body == null || body.length() == 0) {
      throw new EmptyBodyException();
    }
    byte[] bytes = body.getBytes();
    try {
      // Jackson would take some of them (overlong forms, encoded surrogates) as characters.
      Utf8.check(bytes);
    } catch (Utf8.InvalidException e) {
      throw ValidationException.invalidEncoding("(body)", e.getMessage());
    }
    T value = MAPPER.readValue(bytes, type);
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

  /**
   * A string of a request body with a character no text may hold ({@link
   * Fields#forbiddenCharacterAt}); Jackson adds the path to the field.
   */
  public static final class InvalidCharactersException extends JsonMappingException {
    InvalidCharactersException(JsonParser parser, String reason) {
      super(parser, reason);
    }
  }

  /** Every string of every request body, in any field, list or map, passes here. */
  private static final class CheckedString extends StdScalarDeserializer<String> {
    CheckedString() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return checked(p, StringDeserializer.instance.deserialize(p, ctxt), "");
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }
  }

  /**
   * Every instant of every request body: ISO-8601 text (a number would be taken as seconds since
   * 1970) from 2000 to 2100 ({@link Fields#inRange}), which PostgreSQL can always store.
   */
  private static final class CheckedInstant extends StdScalarDeserializer<Instant> {
    CheckedInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      Instant value = InstantDeserializer.INSTANT.deserialize(p, ctxt);
      return Fields.inRange(Objects.requireNonNullElse(p.currentName(), "(body)"), value);
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.DateTime;
    }
  }

  /** The keys of maps in request bodies (custom attributes). */
  private static final class CheckedKey extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      return checked(ctxt.getParser(), key, "key ");
    }
  }

  private static String checked(JsonParser p, String value, String what) throws IOException {
    int at = value == null ? -1 : Fields.forbiddenCharacterAt(value);
    if (at >= 0) {
      throw new InvalidCharactersException(p, what + Fields.forbiddenCharacterReason(value, at));
    }
    return value;
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
