package dev.callcenter.cti.ivr.menu;

import java.time.Duration;
import java.util.Map;

/**
 * One prompt that collects keys. With {@code choices} it is a choice menu (a valid key acts at
 * once); without, an entry of up to {@code maxDigits} keys ended by {@code #} or by reaching the
 * length.
 *
 * @param timeout silence after the prompt before it counts as no input
 * @param retries how many more times the prompt is played after an invalid key or no input
 * @param choices key → value (an action, a language, a product), by key
 * @param optional for an entry: no input skips it instead of being retried
 * @param invalid played after a key that is not a choice
 * @param noInput played after silence
 */
public record Menu(
    String name,
    Prompt prompt,
    int maxDigits,
    Duration timeout,
    int retries,
    Map<String, String> choices,
    boolean optional,
    Prompt invalid,
    Prompt noInput) {

  public Menu {
    choices = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(choices));
  }

  public boolean isChoice() {
    return !choices.isEmpty();
  }
}
