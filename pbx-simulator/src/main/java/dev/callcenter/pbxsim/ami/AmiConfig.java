package dev.callcenter.pbxsim.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the fake AMI listener.
 *
 * @param host address to bind ({@code 127.0.0.1} by default: the simulator is for local use)
 * @param port TCP port; 0 picks a free one (read it back from {@link AmiServer#port()})
 * @param username the only AMI user
 * @param secret its secret, checked by plain and MD5 login
 * @param amiVersion version in the banner and {@code CoreSettings} (11.0.0 is Asterisk 22)
 * @param asteriskVersion {@code AsteriskVersion} of {@code CoreSettings}
 * @param sessionQueueCapacity packets queued for one client before it counts as too slow and is
 *     disconnected
 * @param writeTimeout how long one socket write may block before the client is disconnected, as
 *     Asterisk's {@code writetimeout} (100 ms by default, like Asterisk)
 */
public record AmiConfig(
    String host,
    int port,
    String username,
    String secret,
    String amiVersion,
    String asteriskVersion,
    int sessionQueueCapacity,
    Duration writeTimeout) {

  public AmiConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(writeTimeout, "writeTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (sessionQueueCapacity < 1) {
      throw new IllegalArgumentException("sessionQueueCapacity must be positive");
    }
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("writeTimeout must be positive");
    }
  }

  /** Loopback, free port, user {@code cti} / {@code secret}, Asterisk 22.10.1. */
  public static AmiConfig defaults() {
    return new AmiConfig(
        "127.0.0.1", 0, "cti", "secret", "11.0.0", "22.10.1", 10_000, Duration.ofMillis(100));
  }

  public AmiConfig withPort(int newPort) {
    return new AmiConfig(
        host,
        newPort,
        username,
        secret,
        amiVersion,
        asteriskVersion,
        sessionQueueCapacity,
        writeTimeout);
  }

  public AmiConfig withCredentials(String newUser, String newSecret) {
    return new AmiConfig(
        host,
        port,
        newUser,
        newSecret,
        amiVersion,
        asteriskVersion,
        sessionQueueCapacity,
        writeTimeout);
  }

  public AmiConfig withSessionQueueCapacity(int capacity) {
    return new AmiConfig(
        host, port, username, secret, amiVersion, asteriskVersion, capacity, writeTimeout);
  }

  public AmiConfig withWriteTimeout(Duration timeout) {
    return new AmiConfig(
        host, port, username, secret, amiVersion, asteriskVersion, sessionQueueCapacity, timeout);
  }
}
