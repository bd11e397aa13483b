package dev.callcenter.pbxsim.agi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One FastAGI connection played from the Asterisk side, run to its end on the calling thread. */
final class AgiSession {
  private static final Logger log = LoggerFactory.getLogger(AgiSession.class);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final int MAX_LINE = 8192;

  private final AgiUri uri;
  private final AgiCaller caller;
  private final String channel;
  private final String uniqueid;
  private final long threadId;
  private final Duration listening;
  private final List<AgiLine> transcript = new ArrayList<>();
  private final List<Duration> serverTimes = new ArrayList<>();

  AgiSession(AgiUri uri, AgiCaller caller, String channel, String uniqueid, long threadId) {
    this(uri, caller, channel, uniqueid, threadId, Duration.ZERO);
  }

  AgiSession(
      AgiUri uri,
      AgiCaller caller,
      String channel,
      String uniqueid,
      long threadId,
      Duration listening) {
    this.uri = uri;
    this.caller = caller;
    this.channel = channel;
    this.uniqueid = uniqueid;
    this.threadId = threadId;
    this.listening = listening;
  }

  /** The environment block exactly as res_agi writes it, terminated by an empty line. */
  byte[] environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("agi_network", "yes");
    env.put("agi_network_script", uri.script());
    env.put("agi_request", uri.request());
    env.put("agi_channel", channel);
    env.put("agi_language", caller.language());
    env.put("agi_type", channel.substring(0, Math.max(0, channel.indexOf('/'))));
    env.put("agi_uniqueid", uniqueid);
    env.put("agi_version", "22.10.1");
    env.put("agi_callerid", orUnknown(caller.number()));
    env.put("agi_calleridname", orUnknown(caller.name()));
    env.put("agi_callingpres", "0");
    env.put("agi_callingani2", "0");
    env.put("agi_callington", "0");
    env.put("agi_callingtns", "0");
    env.put("agi_dnid", caller.extension());
    env.put("agi_rdnis", "unknown");
    env.put("agi_context", caller.context());
    env.put("agi_extension", caller.extension());
    env.put("agi_priority", "3");
    env.put("agi_enhanced", "0.0");
    env.put("agi_accountcode", "");
    env.put("agi_threadid", Long.toString(threadId));
    for (int i = 0; i < caller.args().size(); i++) {
      env.put("agi_arg_" + (i + 1), caller.args().get(i));
    }
    StringBuilder block = new StringBuilder();
    env.forEach((k, v) -> block.append(k).append(": ").append(v).append('\n'));
    block.append('\n');
    return block.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String orUnknown(String s) {
    return s.isEmpty() ? "unknown" : s;
  }

  AgiResult run() {
    byte[] env = environment();
    AgiDialogue dialogue =
        new AgiDialogue(
            caller,
            Map.of(
                "CALLERID(num)",
                orUnknown(caller.number()),
                "CALLERID(name)",
                orUnknown(caller.name()),
                "CHANNEL",
                channel,
                "UNIQUEID",
                uniqueid,
                // An inbound call's first channel: its Uniqueid is the call's Linkedid.
                "CHANNEL(linkedid)",
                uniqueid,
                "CHANNEL(language)",
                caller.language()));
    try (Socket socket = new Socket()) {
      try {
        socket.connect(
            new InetSocketAddress(uri.host(), uri.port()), (int) CONNECT_TIMEOUT.toMillis());
      } catch (IOException e) {
        log.warn("FastAGI connect to {} failed: {}", uri.request(), e.toString());
        return result(env, dialogue, new AgiEnding.Failed("connect: " + e));
      }
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(env);
      out.flush();
      long sentAt = System.nanoTime();
      AgiEnding ending = null;
      String line;
      while ((line = readLine(in)) != null) {
        serverTimes.add(Duration.ofNanos(System.nanoTime() - sentAt));
        transcript.add(new AgiLine.Received(line));
        AgiDialogue.Reply reply = dialogue.answer(line);
        if (!listening.isZero() && isPrompt(line) && !dialogue.dead()) {
          // the caller listens to the prompt: a real pause, as a person takes
          sleep(listening);
        }
        send(out, reply.lines());
        sentAt = System.nanoTime();
        switch (reply.effect()) {
          case CALLER_HUNG_UP -> ending = new AgiEnding.CallerHungUp(dialogue.getDataCount());
          case SCRIPT_HUNG_UP -> ending = ending == null ? new AgiEnding.ScriptHungUp() : ending;
          case NONE -> {}
        }
      }
      // Asterisk writes one more HANGUP when the server closes its side; the peer may be gone.
      try {
        send(out, List.of("HANGUP"));
      } catch (IOException e) {
        log.debug("Final HANGUP not delivered to {}: {}", uri.request(), e.toString());
      }
      return result(
          env,
          dialogue,
          ending == null ? new AgiEnding.ScriptReturned(dialogue.commandFailed()) : ending);
    } catch (IOException e) {
      log.warn("FastAGI session {} broke: {}", uri.request(), e.toString());
      AgiEnding ending =
          dialogue.dead()
              ? new AgiEnding.CallerHungUp(dialogue.getDataCount())
              : new AgiEnding.Failed("io: " + e);
      return result(env, dialogue, ending);
    }
  }

  private static boolean isPrompt(String line) {
    String upper = line.stripLeading().toUpperCase(java.util.Locale.ROOT);
    return upper.startsWith("GET DATA")
        || upper.startsWith("STREAM FILE")
        || upper.startsWith("SAY ")
        || upper.startsWith("WAIT FOR DIGIT");
  }

  private static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the caller listened", e);
    }
  }

  private void send(OutputStream out, List<String> lines) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    lines.forEach(l -> transcript.add(new AgiLine.Sent(l)));
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private AgiResult result(byte[] env, AgiDialogue dialogue, AgiEnding ending) {
    return new AgiResult(env, transcript, dialogue.variables(), ending, serverTimes);
  }

  /** One LF-terminated UTF-8 line without its terminator (a stray CR is dropped); null at EOF. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        return trimCr(buf);
      }
      if (buf.size() >= MAX_LINE) {
        throw new IOException("AGI command longer than " + MAX_LINE + " bytes");
      }
      buf.write(b);
    }
    return buf.size() == 0 ? null : trimCr(buf);
  }

  private static String trimCr(ByteArrayOutputStream buf) {
    String s = buf.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
