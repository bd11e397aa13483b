package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.AgiChannel;
import dev.callcenter.cti.ivr.menu.Menu;
import dev.callcenter.helpdesk.ivr.IvrStepCode;
import java.util.Map;
import java.util.Set;

/**
 * Plays configured menus on one channel: {@code GET DATA} with the menu's timeout and length (so a
 * valid single key acts at once and an entry ends on {@code #} or at its length), re-prompting
 * after invalid keys or silence, and writing each attempt to the journey.
 */
final class MenuPlayer {

  private final AgiChannel channel;
  private final IvrJournal journal;

  MenuPlayer(AgiChannel channel, IvrJournal journal) {
    this.channel = channel;
    this.journal = journal;
  }

  MenuResult play(Menu menu, String language) {
    return play(menu, language, Set.of());
  }

  /** Plays {@code menu}; choices whose value is in {@code hidden} are treated as invalid keys. */
  MenuResult play(Menu menu, String language, Set<String> hidden) {
    String reason = "no input";
    for (int attempt = 0; attempt <= menu.retries(); attempt++) {
      AgiChannel.Entry e =
          channel.getData(menu.prompt().in(language), menu.timeout(), menu.maxDigits());
      if (e.empty()) {
        if (menu.optional()) {
          journal.step(menu.name(), null, IvrStepCode.SKIPPED);
          return new MenuResult.Skipped();
        }
        reason = "no input";
        journal.step(menu.name(), null, IvrStepCode.NO_INPUT);
        channel.streamFile(menu.noInput().in(language));
        continue;
      }
      String keyed = e.digits();
      if (menu.isChoice()) {
        String value = menu.choices().get(keyed);
        if (value != null && !hidden.contains(value)) {
          journal.step(menu.name(), keyed, IvrStepCode.CHOSE, Map.of("value", value));
          return new MenuResult.Chosen(keyed, value);
        }
      } else if (keyed.chars().allMatch(Character::isDigit)) {
        journal.step(menu.name(), keyed, IvrStepCode.ENTERED);
        return new MenuResult.Entered(keyed);
      }
      reason = "invalid " + keyed;
      journal.step(menu.name(), keyed, IvrStepCode.INVALID);
      channel.streamFile(menu.invalid().in(language));
    }
    journal.step(
        menu.name(),
        null,
        IvrStepCode.GAVE_UP,
        Map.of("tries", Integer.toString(menu.retries() + 1)));
    return new MenuResult.Failed(reason);
  }
}
