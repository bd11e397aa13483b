package dev.callcenter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) on {@code /ws}, collecting the messages it receives. */
public final class WsClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();
  private final WebSocket socket;
  private final java.util.concurrent.CompletableFuture<Integer> closed =
      new java.util.concurrent.CompletableFuture<>();

  private WsClient(URI uri) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener())
            .join();
  }

  /** Connects with {@code ?token=}. */
  public static WsClient connect(String baseUrl, String token) {
    return new WsClient(URI.create(baseUrl.replace("http://", "ws://") + "/ws?token=" + token));
  }

  /** The next message of {@code type} matching {@code match}; fails after 10 s. */
  public JsonNode await(String type, Predicate<JsonNode> match) throws InterruptedException {
    return await(type, match, WAIT);
  }

  /** The next message of {@code type} matching {@code match}; fails after {@code within}. */
  public JsonNode await(String type, Predicate<JsonNode> match, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    for (JsonNode m : seen) {
      if (type.equals(m.path("type").asText()) && match.test(m)) {
        seen.remove(m);
        return m;
      }
    }
    while (true) {
      long left = deadline - System.nanoTime();
      JsonNode m = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
      if (m == null) {
        throw new AssertionError("no " + type + " message within " + within + "; got " + seen);
      }
      if (type.equals(m.path("type").asText()) && match.test(m)) {
        return m;
      }
      seen.add(m);
    }
  }

  public JsonNode await(String type) throws InterruptedException {
    return await(type, m -> true);
  }

  /** Every message received so far that no wait claimed, plus those still queued. */
  public List<JsonNode> unclaimed() {
    List<JsonNode> all = new ArrayList<>(seen);
    messages.drainTo(all);
    seen.clear();
    seen.addAll(all);
    return List.copyOf(all);
  }

  /** The close code the server sent; fails after 10 s without one. */
  public int awaitClose() throws Exception {
    return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closed.complete(code);
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException("not JSON: " + partial, e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
