package dev.callcenter.pbxsim.agi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A scripted caller in an AGI session: who calls, and what they key in at each prompt, in order.
 *
 * <p>Prompts are {@code GET DATA}, {@code WAIT FOR DIGIT}, and {@code STREAM FILE} with escape
 * digits (which only takes the next entry if it starts with one of them). When the entries run out
 * the caller stays silent (timeouts), or hangs up at the next {@code GET DATA} after {@link
 * #thenHangUp()}.
 */
public record AgiCaller(
    String number,
    String name,
    String language,
    String context,
    String extension,
    List<String> args,
    List<Input> inputs,
    int hangUpAtGetData,
    boolean hangUpWhenDone,
    Set<String> missingSounds) {

  /** What the caller does at one prompt. */
  public sealed interface Input {}

  /** Keys in {@code digits}; a {@code #} ends the entry. */
  public record Digits(String digits) implements Input {
    public Digits {
      if (!digits.matches("[0-9*#A-D]+")) {
        throw new IllegalArgumentException("not DTMF: " + digits);
      }
    }
  }

  /** Presses nothing until the prompt times out. */
  public record Timeout() implements Input {}

  /**
   * Not a key press: something that happens while the caller listens, run when the session reaches
   * the next prompt (for example a test stopping the database mid-call).
   */
  public record Meanwhile(Runnable action) implements Input {
    public Meanwhile {
      Objects.requireNonNull(action, "action");
    }
  }

  /** The entry that means "no input" in {@link #pressing(String...)}. */
  public static final String TIMEOUT = "timeout";

  public AgiCaller {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    args = List.copyOf(args);
    inputs = List.copyOf(inputs);
    missingSounds = Set.copyOf(missingSounds);
  }

  /** A caller with this number, no name, language {@code en}, dialling 100 in from-pstn. */
  public static AgiCaller from(String number) {
    return new AgiCaller(
        number, "", "en", "from-pstn", "100", List.of(), List.of(), 0, false, Set.of());
  }

  public AgiCaller name(String callerName) {
    return new AgiCaller(
        number,
        callerName,
        language,
        context,
        extension,
        args,
        inputs,
        hangUpAtGetData,
        hangUpWhenDone,
        missingSounds);
  }

  public AgiCaller language(String lang) {
    return new AgiCaller(
        number,
        name,
        lang,
        context,
        extension,
        args,
        inputs,
        hangUpAtGetData,
        hangUpWhenDone,
        missingSounds);
  }

  /**
   * The dialplan position of the {@code AGI()} call ({@code agi_context}, {@code agi_extension}).
   */
  public AgiCaller at(String dialplanContext, String exten) {
    return new AgiCaller(
        number,
        name,
        language,
        dialplanContext,
        exten,
        args,
        inputs,
        hangUpAtGetData,
        hangUpWhenDone,
        missingSounds);
  }

  /** The {@code AGI()} application's extra arguments, sent as {@code agi_arg_1…}. */
  public AgiCaller args(String... arguments) {
    return new AgiCaller(
        number,
        name,
        language,
        context,
        extension,
        List.of(arguments),
        inputs,
        hangUpAtGetData,
        hangUpWhenDone,
        missingSounds);
  }

  /** Appends one entry per prompt: DTMF digits, or {@link #TIMEOUT} for no input. */
  public AgiCaller pressing(String... entries) {
    List<Input> more = new ArrayList<>(inputs);
    for (String e : entries) {
      more.add(TIMEOUT.equals(e) ? new Timeout() : new Digits(e));
    }
    return new AgiCaller(
        number,
        name,
        language,
        context,
        extension,
        args,
        more,
        hangUpAtGetData,
        hangUpWhenDone,
        missingSounds);
  }

  /** Runs {@code action} when the session reaches the next prompt, before the caller answers it. */
  public AgiCaller meanwhile(Runnable action) {
    List<Input> more = new ArrayList<>(inputs);
    more.add(new Meanwhile(action));
    return new AgiCaller(
        number,
        name,
        language,
        context,
        extension,
        args,
        more,
        hangUpAtGetData,
        hangUpWhenDone,
        missingSounds);
  }

  /** Appends a prompt on which the caller presses nothing. */
  public AgiCaller timingOut() {
    return pressing(TIMEOUT);
  }

  /** Hangs up during the {@code n}-th {@code GET DATA} (1-based). */
  public AgiCaller hangUpAt(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("GET DATA count starts at 1: " + n);
    }
    return new AgiCaller(
        number, name, language, context, extension, args, inputs, n, hangUpWhenDone, missingSounds);
  }

  /**
   * Sound files this PBX lacks, as a fresh install before the prompts are recorded: {@code STREAM
   * FILE} of one answers {@code 200 result=-1 endpos=0} with the channel still up (and the session
   * ends with {@code AGISTATUS} {@code FAILURE}), {@code GET DATA} with one as its prompt answers
   * {@code 200 result=-1} without reading digits. {@code "digits"} stands for the core digit and
   * date sounds: without them {@code SAY DIGITS}, {@code SAY NUMBER} and {@code SAY DATETIME}
   * answer {@code 200 result=-1} (Asterisk 22 in zh_TW without Mandarin core sounds).
   */
  public AgiCaller withoutSounds(String... files) {
    Set<String> more = new java.util.HashSet<>(missingSounds);
    more.addAll(List.of(files));
    return new AgiCaller(
        number,
        name,
        language,
        context,
        extension,
        args,
        inputs,
        hangUpAtGetData,
        hangUpWhenDone,
        more);
  }

  /** Hangs up at the first {@code GET DATA} after the scripted entries are used up. */
  public AgiCaller thenHangUp() {
    return new AgiCaller(
        number,
        name,
        language,
        context,
        extension,
        args,
        inputs,
        hangUpAtGetData,
        true,
        missingSounds);
  }
}
