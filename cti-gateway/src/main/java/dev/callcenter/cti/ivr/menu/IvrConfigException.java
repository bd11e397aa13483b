package dev.callcenter.cti.ivr.menu;

import java.util.List;

/** The menus file is not valid; the message lists every problem with the key it is at. */
public final class IvrConfigException extends RuntimeException {
  private final List<String> problems;

  public IvrConfigException(String source, List<String> problems) {
    super("Invalid IVR menus in " + source + ":\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
