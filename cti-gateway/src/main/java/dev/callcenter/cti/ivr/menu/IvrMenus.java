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
 * @param technicianVisit whether the main menu offers technician visits: the caller's next visit
 *     read out, to confirm or to reschedule
 * @param sayTimeFormat menu language → format of {@code SAY DATETIME} for a time of day (the end of
 *     a visit's window); empty when visits are off
 * @param technicianNames whether a visit's technician is named by their recorded name, the sound
 *     {@code custom/cc-technician-<user id>}
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
    Map<String, String> sayTimeFormat,
    boolean technicianNames,
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
          "survey-thanks",
          "no-visit",
          "visit-scheduled",
          "visit-until",
          "visit-technician",
          "visit-confirmed",
          "visit-reschedule");

  /** The prompts of technician visits: required only with {@code technician-visit = true}. */
  public static final List<String> VISIT_PROMPTS =
      List.of(
          "no-visit",
          "visit-scheduled",
          "visit-until",
          "visit-technician",
          "visit-confirmed",
          "visit-reschedule");

  /** The sound that says a technician's name, recorded per technician. */
  public static String technicianNameSound(long technicianId) {
    return "custom/cc-technician-" + technicianId;
  }

  public IvrMenus {
    languages = List.copyOf(languages);
    channelLanguage = Map.copyOf(channelLanguage);
    sayDateTimeFormat = Map.copyOf(sayDateTimeFormat);
    sayTimeFormat = Map.copyOf(sayTimeFormat);
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
