package dev.callcenter.cti.ivr.fastagi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where the FastAGI server listens and whom it serves.
 *
 * @param host the address to bind, never all interfaces unless set so explicitly (e.g. {@code
 *     0.0.0.0}); default 127.0.0.1
 * @param port default 4573; 0 picks a free port (tests)
 * @param allowedPeers the PBX addresses (IP literals or host names, resolved at start) whose
 *     connections are served; every other peer is closed at once
 * @param readTimeout how long a session waits for Asterisk's reply before giving up on it (longer
 *     than the longest prompt plus its digit timeout)
 * @param backlog pending connections the kernel queues before refusing
 */
public record FastAgiConfig(
    String host, int port, List<String> allowedPeers, Duration readTimeout, int backlog) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 4573;

  public FastAgiConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0–65535: " + port);
    }
    allowedPeers = List.copyOf(allowedPeers);
    if (allowedPeers.isEmpty()) {
      throw new IllegalArgumentException("allowedPeers is empty: no PBX could connect");
    }
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (backlog < 1) {
      throw new IllegalArgumentException("backlog must be positive: " + backlog);
    }
  }

  /** 127.0.0.1:4573, serving only the PBX on the same machine. */
  public static FastAgiConfig defaults() {
    return new FastAgiConfig(
        DEFAULT_HOST, DEFAULT_PORT, List.of("127.0.0.1", "::1"), Duration.ofMinutes(5), 1024);
  }

  public FastAgiConfig withPort(int newPort) {
    return new FastAgiConfig(host, newPort, allowedPeers, readTimeout, backlog);
  }

  public FastAgiConfig withAllowedPeers(List<String> peers) {
    return new FastAgiConfig(host, port, peers, readTimeout, backlog);
  }
}
