package dev.callcenter.ui.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.callcenter.cti.call.PbxCommandException;
import dev.callcenter.helpdesk.HelpdeskException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders every failure of the API as the one JSON error shape with the right status. */
public final class ErrorResponder implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(ErrorResponder.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    Rendered r = render(ctx.failure(), ctx.statusCode());
    if (r.status() == 429 && r.error().error().details().get("retryAfterSeconds") != null) {
      ctx.response()
          .putHeader(
              "Retry-After", String.valueOf(r.error().error().details().get("retryAfterSeconds")));
    }
    if (r.status() == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"callcenter\"");
    }
    if (r.status() == 405
        && r.error().error().details().get("allowed") instanceof List<?> allowed) {
      ctx.response()
          .putHeader(
              "Allow", allowed.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    ctx.response()
        .setStatusCode(r.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Json.write(r.error()));
  }

  /**
   * Answers a request the HTTP codec could not read (a request line or headers too long, a
   * malformed request target) in the one error shape; the server then closes the connection.
   */
  static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    Rendered r =
        switch (cause) {
          case TooLongHttpLineException e ->
              new Rendered(
                  414, ApiError.of("uri_too_long", "The request line is too long", Map.of()));
          case TooLongHttpHeaderException e ->
              new Rendered(
                  431,
                  ApiError.of("headers_too_large", "The request headers are too large", Map.of()));
          case null, default ->
              new Rendered(
                  400,
                  ApiError.of(
                      "malformed_request",
                      "The request could not be read as HTTP"
                          + (cause == null || cause.getMessage() == null
                              ? ""
                              : ": " + cause.getMessage()),
                      Map.of()));
        };
    log.debug("Invalid HTTP request: {}", String.valueOf(cause));
    request
        .response()
        .setStatusCode(r.status())
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Json.write(r.error()));
  }

  record Rendered(int status, ApiError error) {}

  static Rendered render(Throwable failure, int statusCode) {
    Throwable t = unwrap(failure);
    return switch (t) {
      case null -> http(statusCode >= 400 ? statusCode : 500, null);
      case HelpdeskException e ->
          new Rendered(status(e.kind()), ApiError.of(e.code(), e.getMessage(), e.details()));
      case PbxCommandException e ->
          new Rendered(
              switch (e.reason()) {
                case "rejected" -> 502;
                case "timeout" -> 504;
                default -> 503;
              },
              ApiError.of("pbx_" + e.reason(), e.getMessage(), Map.of("action", e.action())));
      case Json.EmptyBodyException e ->
          new Rendered(400, ApiError.of("body_required", e.getMessage(), Map.of()));
      case MethodNotAllowedException e ->
          new Rendered(
              405,
              ApiError.of("method_not_allowed", e.getMessage(), Map.of("allowed", e.allowed())));
      case UnsupportedMediaTypeException e -> {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("expected", e.expected());
        if (e.received() != null) {
          details.put("received", e.received());
        }
        yield new Rendered(415, ApiError.of("unsupported_media_type", e.getMessage(), details));
      }
      case Json.InvalidCharactersException e ->
          field("invalid_characters", e, e.getOriginalMessage());
      case JsonMappingException e when e.getCause() instanceof InputCoercionException ->
          field("invalid_field", e, "is out of range for a number");
      case JsonMappingException e when e.getCause() instanceof StreamConstraintsException ->
          field("invalid_field", e, "is too long or too deeply nested for a request");
      case UnrecognizedPropertyException e ->
          field(
              "unknown_field",
              e,
              "unknown field '"
                  + e.getPropertyName()
                  + "'; known fields: "
                  + e.getKnownPropertyIds().stream()
                      .map(String::valueOf)
                      .sorted()
                      .collect(Collectors.joining(", ")));
      case InvalidFormatException e when e.getTargetType() != null && e.getTargetType().isEnum() ->
          field(
              "invalid_field",
              e,
              "'"
                  + e.getValue()
                  + "' is not one of "
                  + Arrays.toString(e.getTargetType().getEnumConstants()));
      case MismatchedInputException e ->
          field(
              "invalid_field",
              e,
              "expected "
                  + (e.getTargetType() == null ? "another type" : describe(e.getTargetType())));
      case JsonMappingException e -> field("invalid_field", e, "is not valid");
      case JsonProcessingException e ->
          new Rendered(
              400,
              ApiError.of(
                  "malformed_json",
                  "The request body is not valid JSON: " + e.getOriginalMessage(),
                  Map.of()));
      case HttpException e -> http(e.getStatusCode(), e.getPayload());
      default -> {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected error {} (status {})", id, statusCode, t);
        yield new Rendered(
            500,
            ApiError.of(
                "internal_error",
                "Something went wrong on the server; the error id is " + id,
                Map.of("errorId", id)));
      }
    };
  }

  /** Validation failures thrown by records' constructors arrive wrapped by Jackson. */
  private static Throwable unwrap(Throwable t) {
    if (t instanceof ValueInstantiationException e && e.getCause() instanceof HelpdeskException h) {
      return prefixed(h, e);
    }
    if (t instanceof DatabindException e && e.getCause() instanceof HelpdeskException h) {
      return prefixed(h, e);
    }
    // Syntax errors are about the body; a number out of range is about its field.
    if (t instanceof JsonMappingException e
        && e.getCause() instanceof com.fasterxml.jackson.core.exc.StreamReadException parse
        && !(parse instanceof InputCoercionException)) {
      return parse;
    }
    if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      return unwrap(t.getCause());
    }
    return t;
  }

  /** A validation error from a nested record gets the full JSON path of its field. */
  private static HelpdeskException prefixed(HelpdeskException h, DatabindException e) {
    String path = path((JsonMappingException) e, true);
    if (!(h instanceof dev.callcenter.helpdesk.ValidationException v) || path.isEmpty()) {
      return h;
    }
    return v.withField(path + "." + v.field());
  }

  private static Rendered field(String code, JsonMappingException e, String reason) {
    String field = path(e, false);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("field", field.isEmpty() ? "(body)" : field);
    details.put("reason", reason);
    return new Rendered(
        400, ApiError.of(code, (field.isEmpty() ? "body" : field) + ": " + reason, details));
  }

  private static String path(JsonMappingException e, boolean parentOnly) {
    StringBuilder sb = new StringBuilder();
    var refs = e.getPath();
    int end = parentOnly ? refs.size() - 1 : refs.size();
    for (int i = 0; i < end; i++) {
      var ref = refs.get(i);
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String describe(Class<?> type) {
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == java.time.Instant.class) {
      return "an ISO-8601 instant like 2026-01-05T09:00:00Z";
    }
    return "an object";
  }

  private static Rendered http(int status, String payload) {
    return switch (status) {
      case 401 -> new Rendered(401, ApiError.of("unauthenticated", "Log in first", Map.of()));
      case 403 ->
          new Rendered(
              403, ApiError.of("forbidden", payload == null ? "Not allowed" : payload, Map.of()));
      case 404 -> new Rendered(404, ApiError.of("not_found", "No such resource", Map.of()));
      case 405 ->
          new Rendered(
              405, ApiError.of("method_not_allowed", "This method is not allowed here", Map.of()));
      case 413 ->
          new Rendered(
              413, ApiError.of("body_too_large", "The request body is too large", Map.of()));
      case 415 ->
          new Rendered(
              415,
              ApiError.of("unsupported_media_type", "Send the body as application/json", Map.of()));
      default ->
          new Rendered(
              status,
              ApiError.of(
                  "http_" + status, payload == null ? "Request failed" : payload, Map.of()));
    };
  }

  static int status(HelpdeskException.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case RATE_LIMITED -> 429;
      case UNAVAILABLE -> 503;
    };
  }
}
