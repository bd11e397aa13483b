package dev.callcenter.bench;

import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark's WebSocket listener: stamps each screen-pop frame with the moment it arrived (the
 * first time per key, the key being the first group of {@code key} in the frame) and counts the
 * {@code hello} frames, so a driver knows when its screens are connected.
 *
 * @param <T> the timestamp ({@code System.nanoTime()} within one JVM, an {@code Instant} when it is
 *     compared with another process's clock)
 */
final class PopFrames<T> implements WebSocket.Listener {
  private final Pattern key;
  private final Map<String, T> popAt;
  private final AtomicInteger hellos;
  private final Supplier<T> now;
  private final StringBuilder partial = new StringBuilder();

  PopFrames(Pattern key, Map<String, T> popAt, AtomicInteger hellos, Supplier<T> now) {
    this.key = key;
    this.popAt = popAt;
    this.hellos = hellos;
    this.now = now;
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    T arrived = now.get();
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      if (text.startsWith("{\"type\":\"hello\"")) {
        hellos.incrementAndGet();
      } else {
        Matcher m = key.matcher(text);
        if (m.find()) {
          popAt.putIfAbsent(m.group(1), arrived);
        }
      }
    }
    ws.request(1);
    return null;
  }
}
