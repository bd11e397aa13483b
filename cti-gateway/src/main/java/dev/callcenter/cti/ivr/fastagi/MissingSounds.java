package dev.callcenter.cti.ivr.fastagi;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once per server which sound files or say commands failed on a live channel (a prompt not yet
 * recorded, digit or date sounds missing for the channel's language), so the log names what to
 * install without repeating it on every call.
 */
public final class MissingSounds {

  private static final Logger log = LoggerFactory.getLogger(MissingSounds.class);
  private static final int MAX_REMEMBERED = 1000;

  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  /** {@code STREAM FILE} of {@code file} failed with the caller still on the line. */
  void fileFailed(String file, String language) {
    if (remember("file:" + language + ":" + file)) {
      log.warn(
          "Sound file '{}' could not be played in language '{}' (missing or unreadable); the IVR"
              + " carries on without it. Install it: see config/asterisk/sounds.md",
          file,
          language);
    }
  }

  /**
   * {@code GET DATA} of {@code prompt} failed on a live channel: Asterisk could not play the
   * prompt, and then reads no keys at all.
   */
  void promptFailed(String prompt, String language) {
    if (remember("file:" + language + ":" + prompt)) {
      log.warn(
          "Menu prompt '{}' could not be played in language '{}' (missing or unreadable), and"
              + " without it Asterisk reads no keys: the menu counts as no input and callers go"
              + " on to an agent. Record it: see config/asterisk/sounds.md",
          prompt,
          language);
    }
  }

  /** A {@code SAY …} command failed on a live channel. */
  void commandFailed(String command, String language) {
    if (remember("command:" + language + ":" + command)) {
      log.warn(
          "{} failed in language '{}' with the caller still on the line (its digit or date"
              + " sounds are probably missing); the IVR carries on without it. See"
              + " config/asterisk/sounds.md",
          command,
          language);
    }
  }

  private boolean remember(String key) {
    if (reported.size() >= MAX_REMEMBERED) {
      return false;
    }
    return reported.add(key);
  }
}
