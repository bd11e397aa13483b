package dev.callcenter.cti.ivr.menu;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The whole menu configuration: languages, prompts, menus, routing and timings.
 *
 * @param channelLanguage menu language → the {@code CHANNEL(language)} set on the call, which picks
 *     Asterisk's sound directory and how numbers and dates are spoken
 * @param sayDateTimeFormat menu language → format of {@code SAY DATETIME}
 * @param timeZone the zone promised dates are spoken in
 * @param technicianVisit whether the main menu offers technician visits (needs dispatch)
 * @param backendTimeout the longest the caller waits on the help desk before an apology and an
 *     agent
 * @param maxTicketsSpoken how many open tickets the status flow reads out, newest first
 * @param surveyAsksSolved whether the survey asks "was your problem solved?" after the rating
 * @param surveyAfterResolved a caller whose ticket was resolved this recently, and not yet rated,
 *     is asked to rate it before the main menu; zero turns this off
 */
public record IvrMenus(
    List<String> languages,
    String defaultLanguage,
    Map<String, String> channelLanguage,
    Map<String, String> sayDateTimeFormat,
    ZoneId timeZone,
    boolean technicianVisit,
    Duration backendTimeout,
    int maxTicketsSpoken,
    boolean surveyAsksSolved,
    Duration surveyAfterResolved,
    Map<String, Prompt> prompts,
    Map<String, Menu> menus,
    Routing routing) {

  /** Prompts the flows play; each must be configured. */
  public static final List<String> PROMPTS =
      List.of(
          "welcome",
          "invalid",
          "no-input",
          "apology",
          "transfer",
          "goodbye",
          "not-identified",
          "no-open-tickets",
          "you-have",
          "open-tickets",
          "ticket-survey",
          "ticket",
          "status-new",
          "status-open",
          "status-pending-customer",
          "status-resolved",
          "status-closed",
          "promised-by",
          "ticket-not-found",
          "fault-created",
          "callback-confirm",
          "survey-thanks");

  public IvrMenus {
    languages = List.copyOf(languages);
    channelLanguage = Map.copyOf(channelLanguage);
    sayDateTimeFormat = Map.copyOf(sayDateTimeFormat);
    prompts = Map.copyOf(prompts);
    menus = Map.copyOf(menus);
  }

  public Menu menu(MenuName name) {
    return menu(name.key());
  }

  public Menu menu(String name) {
    Menu m = menus.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no menu " + name);
    }
    return m;
  }

  public String prompt(String name, String language) {
    Prompt p = prompts.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no prompt " + name);
    }
    return p.in(language);
  }
}
