package dev.callcenter.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The CTI benchmark's agents' screens in a JVM of their own ({@code -DctiClients=process}), so that
 * 500 WebSocket clients' threads, parsing and garbage do not share the server's heap and GC:
 * connects one WebSocket per token (one token per line of the file in {@code args[1]}), prints
 * {@code READY n} once every screen said hello, then {@code POP <callId> <nanoTime>} for the first
 * screen-pop frame of each call, and exits when its standard input closes.
 *
 * <p>Arrival times are {@code System.nanoTime()}: on Linux, HotSpot reads it from {@code
 * CLOCK_MONOTONIC}, the same clock in every process of the machine, so the driver can subtract the
 * simulator's write time taken in its own JVM.
 */
final class PopClients {
  private static final Pattern POP_CALL =
      Pattern.compile("\"type\":\"screen-pop\".*?\"callId\":\"([^\"]+)\"");

  private PopClients() {}

  public static void main(String[] args) throws IOException {
    String ws = args[0];
    List<String> tokens = Files.readAllLines(Path.of(args[1]));
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Map<String, Long> popAt =
        new ConcurrentHashMap<>() {
          @Override
          public Long putIfAbsent(String callId, Long nanos) {
            Long before = super.putIfAbsent(callId, nanos);
            if (before == null) {
              synchronized (out) {
                out.println("POP " + callId + " " + nanos);
                out.flush();
              }
            }
            return before;
          }
        };
    HttpClient http = HttpClient.newHttpClient();
    AtomicInteger hellos = new AtomicInteger();
    List<WebSocket> sockets = new ArrayList<>();
    for (String token : tokens) {
      sockets.add(
          http.newWebSocketBuilder()
              .buildAsync(
                  URI.create(ws + token),
                  new PopFrames<>(POP_CALL, popAt, hellos, System::nanoTime))
              .join());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (hellos.get() < tokens.size() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    synchronized (out) {
      out.println("READY " + hellos.get());
      out.flush();
    }
    // until the driver closes our standard input
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      while (in.readLine() != null) {
        // nothing to read; the end of input is the signal
      }
    }
    for (WebSocket socket : sockets) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
