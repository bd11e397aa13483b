package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.MenuChoice;
import dev.callcenter.cti.ivr.menu.MenuName;
import java.util.Optional;

/**
 * A caller's answers to the survey's questions, asked by the rating offered in the IVR and the
 * {@code survey} script: a rating 1–5 and, if {@code survey-asks-solved}, whether the problem was
 * solved.
 *
 * @param rating 1–5
 * @param solved the answer to "was your problem solved?"; null when not asked or not answered
 */
record SurveyReply(int rating, Boolean solved) {

  /** Asks the questions in {@code language}; empty when the caller gave no rating. */
  static Optional<SurveyReply> ask(MenuPlayer player, IvrMenus menus, String language) {
    if (!(player.play(menus.menu(MenuName.SURVEY_RATING), language)
        instanceof MenuResult.Chosen r)) {
      return Optional.empty();
    }
    Boolean solved = null;
    if (menus.surveyAsksSolved()
        && player.play(menus.menu(MenuName.SURVEY_SOLVED), language)
            instanceof MenuResult.Chosen s) {
      solved = MenuChoice.of(MenuChoice.Solved.class, s.value()) == MenuChoice.Solved.YES;
    }
    return Optional.of(new SurveyReply(Integer.parseInt(r.value()), solved));
  }
}
