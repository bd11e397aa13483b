package dev.callcenter.server.asterisk;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone played by sipp ({@code sipp/phone.xml}) on a fixed address: an agent's phone that
 * registers with Asterisk, or the customer's phone behind the provider's trunk. It answers calls
 * after a delay and hangs up after a while; {@link #behave} changes that by restarting sipp on the
 * same port, so the registration stands.
 */
public final class SipPhone implements AutoCloseable {

  /** An INVITE that reached this phone: a call ringing it. */
  public record Ring(String callId, Instant at, String from) {}

  private static final Pattern BLOCK_TIME =
      Pattern.compile("^-+ (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6})");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final Path dir;
  private final String name;
  private final String host;
  private final int port;
  private final int mediaPort;
  private final String pbx;
  private final List<Sipp> runs = new ArrayList<>();
  private Sipp current;
  private Duration answerAfter;
  private Duration hangUpAfter;

  private SipPhone(Path dir, String name, String host, String pbx) {
    this.dir = dir;
    this.name = name;
    this.host = host;
    this.port = Sipp.freeUdpPort(host);
    this.mediaPort = Sipp.freeMediaPort(host);
    this.pbx = pbx;
  }

  /** Starts a phone on {@code host} answering after 1 s and hanging up after 60 s. */
  public static SipPhone start(Path dir, String name, String host, String pbx) {
    SipPhone phone = new SipPhone(dir, name, host, pbx);
    phone.behave(Duration.ofSeconds(1), Duration.ofSeconds(60));
    return phone;
  }

  /** host:port where it answers. */
  public String address() {
    return host + ":" + port;
  }

  /**
   * Registers {@code user} with digest {@code password} (as the sample pjsip.conf's aor/auth define
   * it), contact this phone's port.
   */
  public void register(String user, String password) {
    try (Sipp reg =
        Sipp.start(
            dir,
            name + "-register",
            "register.xml",
            Map.of("user", user, "password", password, "contactPort", Integer.toString(port)),
            List.of(
                pbx,
                "-i",
                host,
                "-p",
                Integer.toString(Sipp.freeUdpPort(host)),
                "-m",
                "1",
                "-timeout",
                "15",
                "-timeout_error"))) {
      int exit = reg.awaitExit(Duration.ofSeconds(20));
      if (exit != 0) {
        throw new AssertionError(name + " did not register (" + exit + "): " + reg.errors());
      }
    }
  }

  /** From the next call on, answer after {@code answer} and hang up {@code talk} later. */
  public synchronized void behave(Duration answer, Duration talk) {
    if (answer.equals(answerAfter) && talk.equals(hangUpAfter) && current.alive()) {
      return;
    }
    if (current != null) {
      current.close();
    }
    current =
        Sipp.start(
            dir,
            name,
            "phone.xml",
            Map.of(
                "answerMs",
                Long.toString(answer.toMillis()),
                "talkMs",
                Long.toString(talk.toMillis())),
            List.of(
                "-i",
                host,
                "-p",
                Integer.toString(port),
                "-mp",
                Integer.toString(mediaPort),
                "-aa"));
    runs.add(current);
    answerAfter = answer;
    hangUpAfter = talk;
  }

  /** Every call that rang this phone so far, oldest first (one per Call-ID). */
  public synchronized List<Ring> rings() {
    Map<String, Ring> byCall = new LinkedHashMap<>();
    for (Sipp run : runs) {
      for (String block : run.messages().split("\n(?=-{20,} \\d{4}-)")) {
        int start = block.indexOf("\nINVITE sip:");
        if (!block.contains("message received") || start < 0) {
          continue;
        }
        Matcher at = BLOCK_TIME.matcher(block.strip());
        String callId = header(block, "Call-ID");
        if (at.find() && callId != null && !byCall.containsKey(callId)) {
          Instant when =
              LocalDateTime.parse(at.group(1), TIME).atZone(ZoneId.systemDefault()).toInstant();
          byCall.put(callId, new Ring(callId, when, header(block, "From")));
        }
      }
    }
    return List.copyOf(byCall.values());
  }

  /** sipp's error logs of this phone. */
  public synchronized String errors() {
    StringBuilder sb = new StringBuilder();
    runs.forEach(r -> sb.append(r.errors()).append('\n'));
    return sb.toString();
  }

  private static String header(String block, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + ": *(.*?)\\r?$").matcher(block);
    return m.find() ? m.group(1) : null;
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.close();
    }
  }
}
