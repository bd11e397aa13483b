package dev.callcenter.pbxsim.agi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The channel's side of one AGI session without the socket: turns each command line into the reply
 * lines res_agi would send, playing the scripted caller's input.
 */
final class AgiDialogue {
  static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
  static final String UNKNOWN = "510 Invalid or unknown command";

  /** Commands res_agi still runs on a hung-up channel (its {@code dead} flag). */
  private static final Set<String> ALLOWED_DEAD =
      Set.of("GET VARIABLE", "GET FULL VARIABLE", "SET VARIABLE", "VERBOSE", "NOOP");

  private static final List<String> COMMANDS =
      List.of(
          "ANSWER",
          "GET DATA",
          "STREAM FILE",
          "SAY NUMBER",
          "SAY DIGITS",
          "SAY DATETIME",
          "SAY DATE",
          "SET VARIABLE",
          "GET FULL VARIABLE",
          "GET VARIABLE",
          "VERBOSE",
          "WAIT FOR DIGIT",
          "HANGUP",
          "EXEC",
          "CHANNEL STATUS",
          "NOOP");

  private static final Map<String, String> USAGE =
      Map.of(
          "GET DATA",
          "Usage: GET DATA <file to be streamed> [timeout] [maxdigits]\n"
              + " Stream the given file, and receive DTMF data.");

  /** What a command did to the call, besides its reply. */
  enum Effect {
    NONE,
    CALLER_HUNG_UP,
    SCRIPT_HUNG_UP
  }

  /** The reply lines of one command and what it did. */
  record Reply(List<String> lines, Effect effect) {
    static Reply of(String line) {
      return new Reply(List.of(line), Effect.NONE);
    }
  }

  private final AgiCaller caller;
  private final Map<String, String> builtins;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private int nextInput;
  private int getDataCount;
  private boolean dead;
  private boolean commandFailed;

  AgiDialogue(AgiCaller caller, Map<String, String> builtins) {
    this.caller = caller;
    this.builtins = builtins;
  }

  Map<String, String> variables() {
    return variables;
  }

  boolean dead() {
    return dead;
  }

  int getDataCount() {
    return getDataCount;
  }

  /**
   * Whether a command returned res_agi's RESULT_FAILURE on the live channel ({@code STREAM FILE} of
   * a missing file, {@code SAY …} without its sounds), which makes the session's {@code AGISTATUS}
   * {@code FAILURE}. {@code GET DATA} of a missing prompt answers {@code result=-1} too, but counts
   * as a success.
   */
  boolean commandFailed() {
    return commandFailed;
  }

  Reply answer(String line) {
    List<String> argv = parseArgs(line);
    String command = match(argv);
    if (command == null) {
      return Reply.of(UNKNOWN);
    }
    if (dead && !ALLOWED_DEAD.contains(command)) {
      return Reply.of(DEAD);
    }
    int argc = argv.size();
    return switch (command) {
      case "ANSWER", "EXEC" -> Reply.of("200 result=0");
      // 6: AST_STATE_UP. On a hung-up channel res_agi refuses it (511, above).
      case "CHANNEL STATUS" -> Reply.of("200 result=6");
      case "SAY DATE", "SAY DATETIME" -> say();
      case "NOOP" -> Reply.of("200 result=0");
      case "VERBOSE" -> Reply.of("200 result=1");
      case "GET DATA" -> argc < 3 || argc > 5 ? usage(command) : getData(argv);
      case "STREAM FILE" ->
          argc < 4 || argc > 5
              ? usage(command)
              : caller.missingSounds().contains(argv.get(2))
                  ? failed("200 result=-1 endpos=0")
                  : streamFile(argv.get(3));
      case "SAY NUMBER", "SAY DIGITS" ->
          argc < 4 || !argv.get(2).matches("-?[0-9]+") ? usage(command) : say();
      case "SET VARIABLE" -> {
        if (argc != 4) {
          yield usage(command);
        }
        variables.put(argv.get(2), argv.get(3));
        yield Reply.of("200 result=1");
      }
      case "GET VARIABLE" -> {
        if (argc < 3) {
          yield usage(command);
        }
        String value = variables.getOrDefault(argv.get(2), builtins.get(argv.get(2)));
        yield Reply.of(value == null ? "200 result=0" : "200 result=1 (" + value + ")");
      }
      case "GET FULL VARIABLE" -> {
        if (argc < 4) {
          yield usage(command);
        }
        yield Reply.of("200 result=1 (" + substitute(argv.get(3)) + ")");
      }
      case "WAIT FOR DIGIT" -> argc != 4 ? usage(command) : waitForDigit();
      case "HANGUP" -> {
        dead = true;
        yield new Reply(List.of("200 result=1"), Effect.SCRIPT_HUNG_UP);
      }
      default -> Reply.of(UNKNOWN);
    };
  }

  /** A SAY command: its digit or date sounds are there or not. */
  private Reply say() {
    return caller.missingSounds().contains("digits")
        ? failed("200 result=-1")
        : Reply.of("200 result=0");
  }

  private Reply failed(String line) {
    commandFailed = true;
    return Reply.of(line);
  }

  private Reply getData(List<String> argv) {
    getDataCount++;
    runActions();
    if (caller.missingSounds().contains(argv.get(2))) {
      // ast_app_getdata_full gives up when the prompt cannot be played: no digits are read
      return Reply.of("200 result=-1");
    }
    int max = argv.size() >= 5 ? atoi(argv.get(4)) : 1024;
    boolean hangUpHere =
        getDataCount == caller.hangUpAtGetData()
            || (caller.hangUpWhenDone() && nextInput >= caller.inputs().size());
    if (hangUpHere) {
      dead = true;
      return new Reply(List.of("200 result=-1", "HANGUP"), Effect.CALLER_HUNG_UP);
    }
    return switch (nextInputOrTimeout()) {
      case AgiCaller.Timeout t -> Reply.of("200 result= (timeout)");
      case AgiCaller.Meanwhile m -> throw new IllegalStateException("actions run before input");
      case AgiCaller.Digits d -> {
        String keyed = d.digits();
        int hash = keyed.indexOf('#');
        if (hash >= 0) {
          yield Reply.of("200 result=" + keyed.substring(0, Math.min(hash, max)));
        }
        if (keyed.length() >= max) {
          yield Reply.of("200 result=" + keyed.substring(0, max));
        }
        yield Reply.of("200 result=" + keyed + " (timeout)");
      }
    };
  }

  /**
   * Expands each {@code ${NAME}} like pbx_substitute_variables does (unknown names become empty),
   * which is all {@code GET FULL VARIABLE} evaluates.
   */
  private String substitute(String expression) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < expression.length()) {
      int start = expression.indexOf("${", i);
      int end = start < 0 ? -1 : expression.indexOf('}', start);
      if (start < 0 || end < 0) {
        out.append(expression, i, expression.length());
        break;
      }
      out.append(expression, i, start);
      String name = expression.substring(start + 2, end);
      out.append(variables.getOrDefault(name, builtins.getOrDefault(name, "")));
      i = end + 1;
    }
    return out.toString();
  }

  private Reply streamFile(String escapeDigits) {
    runActions();
    if (nextInput < caller.inputs().size()
        && caller.inputs().get(nextInput) instanceof AgiCaller.Digits d
        && escapeDigits.indexOf(d.digits().charAt(0)) >= 0) {
      nextInput++;
      return Reply.of("200 result=" + (int) d.digits().charAt(0) + " endpos=1000");
    }
    return Reply.of("200 result=0 endpos=2000");
  }

  private Reply waitForDigit() {
    return switch (nextInputOrTimeout()) {
      case AgiCaller.Timeout t -> Reply.of("200 result=0");
      case AgiCaller.Meanwhile m -> throw new IllegalStateException("actions run before input");
      case AgiCaller.Digits d -> Reply.of("200 result=" + (int) d.digits().charAt(0));
    };
  }

  /** Runs what the caller does meanwhile before reaching the next prompt (the test's hooks). */
  private void runActions() {
    while (nextInput < caller.inputs().size()
        && caller.inputs().get(nextInput) instanceof AgiCaller.Meanwhile m) {
      nextInput++;
      m.action().run();
    }
  }

  private AgiCaller.Input nextInputOrTimeout() {
    runActions();
    if (nextInput < caller.inputs().size()) {
      return caller.inputs().get(nextInput++);
    }
    return new AgiCaller.Timeout();
  }

  private static Reply usage(String command) {
    String text = USAGE.getOrDefault(command, "Usage: " + command);
    List<String> lines = new ArrayList<>();
    lines.add("520-Invalid command syntax.  Proper usage follows:");
    lines.addAll(text.lines().toList());
    lines.add("520 End of proper usage.");
    return new Reply(List.copyOf(lines), Effect.NONE);
  }

  private static int atoi(String s) {
    int end = 0;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(s.substring(0, Math.min(end, 9)));
  }

  /** The longest known command the first words spell, upper case; null if none. */
  private static String match(List<String> argv) {
    for (String command : COMMANDS) {
      String[] words = command.split(" ");
      if (argv.size() < words.length) {
        continue;
      }
      boolean all = true;
      for (int i = 0; i < words.length; i++) {
        all &= words[i].equals(argv.get(i).toUpperCase(Locale.ROOT));
      }
      if (all) {
        return command;
      }
    }
    return null;
  }

  /** Splits like res_agi's {@code parse_args}: blanks separate, double quotes group, \ escapes. */
  static List<String> parseArgs(String line) {
    List<String> argv = new ArrayList<>();
    StringBuilder current = null;
    boolean quoted = false;
    boolean escaped = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (escaped) {
        current.append(c);
        escaped = false;
      } else if (c == '\\') {
        if (current == null) {
          current = new StringBuilder();
        }
        escaped = true;
      } else if (c == '"') {
        if (current == null) {
          current = new StringBuilder();
        }
        quoted = !quoted;
      } else if ((c == ' ' || c == '\t') && !quoted) {
        if (current != null) {
          argv.add(current.toString());
          current = null;
        }
      } else {
        if (current == null) {
          current = new StringBuilder();
        }
        current.append(c);
      }
    }
    if (current != null) {
      argv.add(current.toString());
    }
    return argv;
  }
}
