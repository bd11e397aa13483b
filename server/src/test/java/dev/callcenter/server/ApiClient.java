package dev.callcenter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny JSON-over-HTTP client for API tests, with bearer-token or cookie sessions. */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final Map<String, String> headers;

  private ApiClient(String baseUrl, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.headers = Map.copyOf(headers);
  }

  public static ApiClient anonymous(String baseUrl) {
    return new ApiClient(baseUrl, Map.of());
  }

  /** The answer: status and parsed body (NullNode when empty). */
  public record Response(int status, JsonNode body, HttpResponse<String> raw) {
    public String errorCode() {
      return body.path("error").path("code").asText(null);
    }

    public String errorField() {
      return body.path("error").path("details").path("field").asText(null);
    }
  }

  public ApiClient login(String username, String password) {
    Response r = post("/api/v1/auth/login", Map.of("username", username, "password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
    }
    return withHeader("Authorization", "Bearer " + r.body().get("token").asText());
  }

  /** The bearer token of a logged-in client. */
  public String token() {
    String auth = headers.get("Authorization");
    if (auth == null) {
      throw new IllegalStateException("not logged in with a token");
    }
    return auth.substring("Bearer ".length());
  }

  public ApiClient withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiClient(baseUrl, h);
  }

  public Response get(String path) {
    return send("GET", path, null, "application/json");
  }

  public Response delete(String path) {
    return send("DELETE", path, null, "application/json");
  }

  public Response post(String path, Object body) {
    return send("POST", path, body, "application/json");
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body, "application/json");
  }

  /** Sends {@code body} as is when it is a String, else as JSON. */
  public Response send(String method, String path, Object body, String contentType) {
    try {
      String text =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  text == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(text));
      if (text != null) {
        b.header("Content-Type", contentType);
      }
      headers.forEach(b::header);
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode parsed =
          r.body() == null || r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
      return new Response(r.statusCode(), parsed, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
