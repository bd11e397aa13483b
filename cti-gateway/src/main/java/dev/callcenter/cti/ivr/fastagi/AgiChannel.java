package dev.callcenter.cti.ivr.fastagi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands a script sends on one FastAGI connection, one at a time, each waiting for its reply.
 * Not thread-safe: one session, one thread. Channel commands (prompts, digits, say) throw {@link
 * AgiHangupException} once the caller has hung up; variable commands still work then, as in
 * res_agi.
 *
 * <p>{@code 200 result=-1} alone does not mean a hang-up: real Asterisk answers it to {@code STREAM
 * FILE} of a missing file ({@code endpos=0}) and to a {@code SAY …} whose sounds are missing, with
 * the channel still up; after a real hang-up it sends the unsolicited {@code HANGUP} line only
 * <em>after</em> that reply. So a {@code -1} is followed by {@code CHANNEL STATUS}, which res_agi
 * refuses with {@code 511} on a dead channel: a hang-up ends the script, a failed command is
 * reported once ({@link MissingSounds}) and the script carries on.
 */
public final class AgiChannel {

  static final int MAX_LINE = 8192;

  private final InputStream in;
  private final OutputStream out;
  private final MissingSounds missing;
  private String language;
  private boolean hungUp;

  AgiChannel(InputStream in, OutputStream out) {
    this(in, out, new MissingSounds(), "?");
  }

  AgiChannel(InputStream in, OutputStream out, MissingSounds missing, String language) {
    this.in = in;
    this.out = out;
    this.missing = missing;
    this.language = language;
  }

  /** True once Asterisk has said the caller hung up. */
  public boolean hungUp() {
    return hungUp;
  }

  /** What the caller keyed in at a {@code GET DATA} prompt. */
  public record Entry(String digits, boolean timedOut) {
    /** Nothing keyed before the timeout. */
    public boolean empty() {
      return digits.isEmpty();
    }
  }

  /**
   * Plays {@code prompt} and collects up to {@code maxDigits} keys; returns as soon as that many
   * are keyed or {@code #} is pressed, else after {@code timeout} of silence with what was keyed.
   * When Asterisk cannot play the prompt it reads no keys ({@code result=-1} at once): that is an
   * empty entry.
   */
  public Entry getData(String prompt, Duration timeout, int maxDigits) {
    AgiReply r =
        channelCommand(
            "GET DATA " + quote(prompt) + " " + timeout.toMillis() + " " + maxDigits, "GET DATA");
    if (r.failed()) {
      missing.promptFailed(prompt, language);
      return new Entry("", true);
    }
    return new Entry(r.result(), "timeout".equals(r.data()));
  }

  /**
   * Plays a sound file; a key in {@code escapeDigits} interrupts it.
   *
   * @return the key pressed, or empty if the file played to its end (or could not be played)
   */
  public Optional<Character> streamFile(String file, String escapeDigits) {
    AgiReply r =
        channelCommand("STREAM FILE " + quote(file) + " " + quote(escapeDigits), "STREAM FILE");
    if (r.failed()) {
      missing.fileFailed(file, language);
      return Optional.empty();
    }
    int code = r.resultCode();
    return code > 0 ? Optional.of((char) code) : Optional.empty();
  }

  /** Plays a sound file to its end. */
  public void streamFile(String file) {
    streamFile(file, "");
  }

  /** Speaks each digit ("one two three"), for ticket and phone numbers. */
  public void sayDigits(String digits) {
    say("SAY DIGITS " + digits + " \"\"", "SAY DIGITS");
  }

  /** Speaks a number ("one hundred twenty three") in the channel's language. */
  public void sayNumber(long number) {
    say("SAY NUMBER " + number + " \"\"", "SAY NUMBER");
  }

  /**
   * Speaks a date and time in the channel's language.
   *
   * @param format Asterisk's say format, e.g. {@code ABdY 'digits/at' IMp}
   */
  public void sayDateTime(Instant at, String format, ZoneId zone) {
    say(
        "SAY DATETIME "
            + at.getEpochSecond()
            + " \"\" "
            + quote(format)
            + " "
            + quote(zone.getId()),
        "SAY DATETIME");
  }

  /** Sets a channel variable the dialplan reads after the script returns. */
  public void setVariable(String name, String value) {
    if (name.equals("CHANNEL(language)")) {
      language = value;
    }
    command("SET VARIABLE " + name + " " + quote(value), "SET VARIABLE");
  }

  /** A channel variable or function ({@code CALLERID(num)}); empty when not set. */
  public Optional<String> getVariable(String name) {
    AgiReply r = command("GET VARIABLE " + name, "GET VARIABLE");
    return r.resultCode() == 1 ? Optional.ofNullable(r.data()) : Optional.empty();
  }

  /** Evaluates an expression such as {@code ${CHANNEL(linkedid)}} on the channel. */
  public Optional<String> getFullVariable(String expression) {
    AgiReply r = command("GET FULL VARIABLE " + quote(expression), "GET FULL VARIABLE");
    return r.resultCode() == 1 && r.data() != null && !r.data().isEmpty()
        ? Optional.of(r.data())
        : Optional.empty();
  }

  /** Writes to the Asterisk console at {@code level} (1–4). */
  public void verbose(String message, int level) {
    command("VERBOSE " + quote(message) + " " + level, "VERBOSE");
  }

  /**
   * Sends one command line as is and returns its 200 reply.
   *
   * @throws AgiCommandException on 510 or 520
   * @throws AgiHangupException on 511 or when the connection closes
   */
  public AgiReply command(String line) {
    return command(line, line);
  }

  private void say(String line, String name) {
    if (channelCommand(line, name).failed()) {
      missing.commandFailed(name, language);
    }
  }

  /**
   * A command that needs a live channel. Its {@code result=-1} is a hang-up (thrown) or, with the
   * caller still there, a failure the caller of this method handles.
   */
  private AgiReply channelCommand(String line, String name) {
    AgiReply r = command(line, name);
    if (r.failed() && (hungUp || !channelUp())) {
      hungUp = true;
      throw new AgiHangupException("caller hung up during " + name);
    }
    return r;
  }

  /** Whether the channel is still up; on a dead one res_agi sends HANGUP and 511 (thrown). */
  private boolean channelUp() {
    return command("CHANNEL STATUS", "CHANNEL STATUS").resultCode() >= 0 && !hungUp;
  }

  private AgiReply command(String line, String name) {
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an AGI command is one line: " + name);
    }
    try {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      return readReply(name);
    } catch (IOException e) {
      hungUp = true;
      throw new AgiHangupException("connection lost during " + name + ": " + e.getMessage());
    }
  }

  private AgiReply readReply(String name) throws IOException {
    while (true) {
      String line = readLine(in);
      if (line == null) {
        hungUp = true;
        throw new AgiHangupException("Asterisk closed the connection during " + name);
      }
      if (line.equals("HANGUP")) {
        // unsolicited: the caller hung up; the reply to our command follows
        hungUp = true;
        continue;
      }
      if (line.startsWith("200 ")) {
        AgiReply r = AgiReply.parse(line);
        if (r == null) {
          throw new AgiException("unreadable reply to " + name + ": " + line);
        }
        return r;
      }
      if (line.startsWith("511")) {
        hungUp = true;
        throw new AgiHangupException("channel is dead, " + name + " refused (511)");
      }
      if (line.startsWith("510")) {
        throw new AgiCommandException(name, 510, List.of(line));
      }
      if (line.startsWith("520-")) {
        List<String> lines = new ArrayList<>(List.of(line));
        String next;
        do {
          next = readLine(in);
          if (next == null) {
            hungUp = true;
            throw new AgiHangupException("Asterisk closed the connection during " + name);
          }
          lines.add(next);
        } while (!next.startsWith("520 "));
        throw new AgiCommandException(name, 520, lines);
      }
      if (line.startsWith("520")) {
        throw new AgiCommandException(name, 520, List.of(line));
      }
      throw new AgiException("unexpected reply to " + name + ": " + line);
    }
  }

  /** One LF-terminated UTF-8 line without its terminator (a stray CR is dropped); null at EOF. */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        return text(buf);
      }
      if (buf.size() >= MAX_LINE) {
        throw new IOException("line longer than " + MAX_LINE + " bytes");
      }
      buf.write(b);
    }
    return buf.size() == 0 ? null : text(buf);
  }

  private static String text(ByteArrayOutputStream buf) {
    String s = buf.toString(StandardCharsets.UTF_8);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Quotes an argument as res_agi's parser reads it: in double quotes, {@code "} and {@code \}
   * escaped.
   */
  static String quote(String arg) {
    StringBuilder sb = new StringBuilder(arg.length() + 2).append('"');
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
