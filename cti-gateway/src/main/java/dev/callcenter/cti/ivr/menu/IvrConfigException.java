package dev.callcenter.cti.ivr.menu;

import java.util.List;

/** The menus file is not valid; the message lists every problem with the key it is at. */
public final class IvrConfigException extends RuntimeException {
  private final List<String> problems;

  public IvrConfigException(String source, List<String> problems) {
    this(source, problems, problems);
  }

  /**
   * @param problems each problem as {@code key: what is wrong}
   * @param report the same problems as the message lists them, with the file and line where known
   */
  IvrConfigException(String source, List<String> problems, List<String> report) {
    super("Invalid IVR menus in " + source + ":\n  " + String.join("\n  ", report));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
