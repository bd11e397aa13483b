package dev.callcenter.cti.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the Asterisk Manager Interface and how hard to hold on to it.
 *
 * @param pingInterval how often each connection sends {@code Ping}
 * @param readTimeout a connection that reads nothing for this long (pings included) is dead
 * @param responseTimeout how long a command waits for the PBX's answer
 * @param reconnectMin first wait after a failed connect; doubled after each failure
 * @param reconnectMax the longest wait between connects
 * @param queueCapacity events the gateway buffers before it drops and resynchronises
 */
public record AmiSettings(
    String host,
    int port,
    String username,
    String secret,
    Duration pingInterval,
    Duration readTimeout,
    Duration responseTimeout,
    Duration reconnectMin,
    Duration reconnectMax,
    int queueCapacity) {

  public AmiSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("AMI port must be 1-65535, not " + port);
    }
    if (readTimeout.compareTo(pingInterval) <= 0) {
      throw new IllegalArgumentException("AMI read timeout must be longer than the ping interval");
    }
    if (queueCapacity < 16) {
      throw new IllegalArgumentException("AMI event queue capacity must be at least 16");
    }
  }

  /** Production defaults for {@code host:port} with these credentials. */
  public static AmiSettings of(String host, int port, String username, String secret) {
    return new AmiSettings(
        host,
        port,
        username,
        secret,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        50_000);
  }

  public AmiSettings withTimings(
      Duration newPingInterval,
      Duration newReadTimeout,
      Duration newResponseTimeout,
      Duration newReconnectMin,
      Duration newReconnectMax) {
    return new AmiSettings(
        host,
        port,
        username,
        secret,
        newPingInterval,
        newReadTimeout,
        newResponseTimeout,
        newReconnectMin,
        newReconnectMax,
        queueCapacity);
  }

  public AmiSettings withQueueCapacity(int capacity) {
    return new AmiSettings(
        host,
        port,
        username,
        secret,
        pingInterval,
        readTimeout,
        responseTimeout,
        reconnectMin,
        reconnectMax,
        capacity);
  }

  /** Never prints the secret. */
  @Override
  public String toString() {
    return "AmiSettings[" + username + "@" + host + ":" + port + ", secret=***]";
  }
}
