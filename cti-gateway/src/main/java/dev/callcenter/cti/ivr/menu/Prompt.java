package dev.callcenter.cti.ivr.menu;

import java.util.Map;

/**
 * An Asterisk sound file name per menu language ({@code custom/cc-main-menu}); a name without a
 * language of its own is the same file for all, which Asterisk resolves in the channel language's
 * sound directory.
 */
public record Prompt(Map<String, String> byLanguage) {
  public Prompt {
    byLanguage = Map.copyOf(byLanguage);
  }

  /** The sound to play for {@code language}. */
  public String in(String language) {
    String sound = byLanguage.get(language);
    if (sound == null) {
      throw new IllegalArgumentException("no prompt for language " + language + ": " + byLanguage);
    }
    return sound;
  }
}
