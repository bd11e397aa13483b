package dev.callcenter.pbxsim.ami;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One AMI client connection: a reader thread that parses and answers actions and a writer thread
 * that drains a bounded queue, so a slow client never blocks the simulator.
 */
final class AmiSession {
  private static final Logger log = LoggerFactory.getLogger(AmiSession.class);

  private sealed interface Outgoing {}

  private record Packet(byte[] bytes) implements Outgoing {}

  private record Close() implements Outgoing {}

  private final long id;
  private final Socket socket;
  private final AmiServer server;
  private final BlockingQueue<Outgoing> queue;
  private volatile boolean loggedIn;
  private volatile boolean eventsOn;
  private volatile boolean closed;
  private volatile Thread writer;

  /** System.nanoTime() when the current socket write began; 0 while not writing. */
  private volatile long writingSince;

  private String challenge;

  AmiSession(long id, Socket socket, AmiServer server, int capacity) {
    this.id = id;
    this.socket = socket;
    this.server = server;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  long id() {
    return id;
  }

  boolean wantsEvents() {
    return loggedIn && eventsOn && !closed;
  }

  boolean loggedIn() {
    return loggedIn && !closed;
  }

  void start() {
    send(
        ("Asterisk Call Manager/" + server.config().amiVersion() + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    writer = Thread.ofVirtual().name("ami-write-" + id).start(this::writeLoop);
    Thread.ofVirtual().name("ami-read-" + id).start(this::readLoop);
  }

  /** Queues bytes for the client; false (and the client dropped) if it is too far behind. */
  boolean send(byte[] bytes) {
    if (closed) {
      return false;
    }
    if (!queue.offer(new Packet(bytes))) {
      log.warn("AMI session {} too slow: {} packets unsent, disconnecting", id, queue.size());
      abort();
      return false;
    }
    return true;
  }

  void send(AmiMessage message) {
    send(message.toBytes());
  }

  /** Sends {@code last} then closes once it is written. */
  void sendThenClose(AmiMessage last) {
    if (send(last.toBytes()) && !queue.offer(new Close())) {
      abort();
    }
  }

  /** Disconnects the client if one socket write has been blocked longer than the timeout. */
  void checkWriteTimeout(long nowNanos, long timeoutNanos) {
    long since = writingSince;
    if (since != 0 && nowNanos - since > timeoutNanos && !closed) {
      log.warn(
          "AMI session {}: write blocked over {} ms, disconnecting as Asterisk's writetimeout"
              + " does",
          id,
          timeoutNanos / 1_000_000);
      abort();
    }
  }

  /** Closes the socket at once, dropping whatever is queued. */
  void abort() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing AMI session {}", id, e);
    }
    Thread w = writer;
    if (w != null) {
      w.interrupt();
    }
    server.ended(this);
  }

  private void writeLoop() {
    List<byte[]> unflushed = new ArrayList<>();
    try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024)) {
      while (!closed) {
        Outgoing next = queue.take();
        server.gate().awaitOpen();
        writingSince = System.nanoTime();
        WriteTap tap = server.tap();
        switch (next) {
          case Packet p -> {
            out.write(p.bytes());
            if (tap != null) {
              unflushed.add(p.bytes());
            }
          }
          case Close c -> {
            out.flush();
            abort();
            return;
          }
        }
        if (queue.isEmpty()) {
          out.flush();
          if (tap != null) {
            long now = System.nanoTime();
            unflushed.forEach(bytes -> tap.written(id, bytes, now));
          }
          unflushed.clear();
        }
        writingSince = 0;
      }
    } catch (IOException e) {
      log.debug("AMI session {} write ended: {}", id, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      abort();
    }
  }

  private void readLoop() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      List<AmiMessage.Field> fields = new ArrayList<>();
      String line;
      while (!closed && (line = in.readLine()) != null) {
        if (line.isEmpty()) {
          if (!fields.isEmpty()) {
            server.gate().awaitOpen();
            AmiMessage action = new AmiMessage(fields);
            fields = new ArrayList<>();
            if (!closed) {
              receive(action);
            }
          }
          continue;
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          fields.add(
              new AmiMessage.Field(
                  line.substring(0, colon).trim(), line.substring(colon + 1).stripLeading()));
        }
      }
    } catch (IOException e) {
      log.debug("AMI session {} read ended: {}", id, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      abort();
    }
  }

  private void receive(AmiMessage action) {
    server.record(id, action);
    switch (server.faults().take(action.action())) {
      case null -> process(action);
      case ActionFaults.Reject r -> send(AmiMessage.error(action, r.message()));
      case ActionFaults.Delay d -> server.scheduler().schedule(d.delay(), () -> process(action));
    }
  }

  private void process(AmiMessage action) {
    if (closed) {
      return;
    }
    String name = action.action().toLowerCase(Locale.ROOT);
    switch (name) {
      case "challenge" -> challenge(action);
      case "login" -> login(action);
      case "logoff" ->
          sendThenClose(
              AmiMessage.response(action, "Goodbye")
                  .add("Message", "Thanks for all the fish.")
                  .build());
      default -> {
        if (!loggedIn) {
          send(AmiMessage.error(action, "Permission denied"));
        } else if (name.equals("ping")) {
          Instant now = server.scheduler().clock().instant();
          send(
              AmiMessage.response(action, "Success")
                  .add("Ping", "Pong")
                  .add(
                      "Timestamp",
                      String.format("%d.%06d", now.getEpochSecond(), now.getNano() / 1000))
                  .build());
        } else if (name.equals("coresettings")) {
          send(coreSettings(action));
        } else {
          server.handler().handle(action, this::send);
        }
      }
    }
  }

  private void challenge(AmiMessage action) {
    if (!action.getOrEmpty("AuthType").equalsIgnoreCase("md5")) {
      send(AmiMessage.error(action, "Must specify AuthType"));
      return;
    }
    challenge = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
    send(AmiMessage.response(action, "Success").add("Challenge", challenge).build());
  }

  private void login(AmiMessage action) {
    AmiConfig config = server.config();
    boolean userOk = action.getOrEmpty("Username").equals(config.username());
    boolean keyOk =
        action.getOrEmpty("AuthType").equalsIgnoreCase("md5")
            && challenge != null
            && md5Hex(challenge + config.secret()).equalsIgnoreCase(action.getOrEmpty("Key"));
    boolean secretOk = action.get("Secret").map(config.secret()::equals).orElse(false);
    if (!userOk || !(keyOk || secretOk)) {
      log.info("AMI session {}: authentication failed for '{}'", id, action.getOrEmpty("Username"));
      sendThenClose(AmiMessage.error(action, "Authentication failed"));
      return;
    }
    eventsOn = !action.getOrEmpty("Events").equalsIgnoreCase("off");
    send(AmiMessage.success(action, "Authentication accepted"));
    send(server.fullyBooted());
    loggedIn = true;
    server.loggedIn(this);
  }

  private AmiMessage coreSettings(AmiMessage action) {
    AmiConfig c = server.config();
    return AmiMessage.response(action, "Success")
        .add("AMIversion", c.amiVersion())
        .add("AsteriskVersion", c.asteriskVersion())
        .add("SystemName", "")
        .add("CoreMaxCalls", "0")
        .add("CoreMaxLoadAvg", "0.000000")
        .add("CoreRunUser", "asterisk")
        .add("CoreRunGroup", "asterisk")
        .add("CoreMaxFilehandles", "0")
        .add("CoreRealTimeEnabled", "No")
        .add("CoreCDRenabled", "Yes")
        .add("CoreHTTPenabled", "No")
        .add("SoundsSearchCustomDir", "No")
        .build();
  }

  static String md5Hex(String s) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK without MD5", e);
    }
  }
}
