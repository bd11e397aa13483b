package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.FastAgiConfig;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.IvrMenusLoader;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerKind;
import dev.callcenter.helpdesk.customer.PhoneInput;
import dev.callcenter.helpdesk.customer.PhoneType;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.ivr.IvrJourneyService;
import dev.callcenter.helpdesk.survey.SurveyService;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.user.Role;
import dev.callcenter.pbxsim.agi.Agi;
import dev.callcenter.pbxsim.agi.AgiCall;
import dev.callcenter.pbxsim.agi.AgiCaller;
import dev.callcenter.pbxsim.agi.AgiResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The IVR on a fresh real database, serving FastAGI on a free loopback port, with the simulator's
 * Asterisk side to call it; the menus are the shipped {@code config/ivr-menus.conf}.
 */
final class IvrKit implements AutoCloseable {

  static final Path MENUS = Path.of("..", "config", "ivr-menus.conf");
  static final Duration WAIT = Duration.ofSeconds(20);

  final TicketKit helpdesk = new TicketKit();
  final FollowUpService followUps;
  final IvrJourneyService journeys;
  final SurveyService surveys;
  final long callbackOwner;
  final IvrMenus menus;
  final IvrServer server;
  final Agi agi = new Agi(Clock.systemUTC());

  IvrKit() {
    this(IvrMenusLoader.load(MENUS), List.of("127.0.0.1"));
  }

  IvrKit(IvrMenus menus, List<String> allowedPeers) {
    followUps = helpdesk.helpdesk.followUps();
    journeys = helpdesk.helpdesk.ivrJourneys();
    surveys = helpdesk.helpdesk.surveys();
    callbackOwner =
        helpdesk.users.upsert(
            menus.routing().callbackOwner(),
            "Supervisor One",
            "x",
            Set.of(Role.SUPERVISOR),
            "zh-TW");
    this.menus = menus;
    server =
        IvrServer.start(
            new IvrConfig(
                FastAgiConfig.defaults().withPort(0).withAllowedPeers(allowedPeers), MENUS),
            menus,
            IvrServices.from(helpdesk.helpdesk),
            helpdesk.clock);
  }

  String url(String script) {
    return "agi://127.0.0.1:" + server.port() + "/" + script;
  }

  AgiCall start(AgiCaller caller) {
    return agi.call(url("ivr"), caller);
  }

  AgiResult call(AgiCaller caller) {
    return result(start(caller));
  }

  static AgiResult result(AgiCall call) {
    try {
      return call.result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("AGI session did not finish", e);
    }
  }

  /** A customer with these phone numbers, language and tier. */
  Customer customer(String name, String language, Tier tier, String... phones) {
    Customer c =
        helpdesk.customers.create(
            new CustomerDraft(
                CustomerKind.PERSON,
                name,
                null,
                language,
                Arrays.stream(phones).map(p -> new PhoneInput(PhoneType.MOBILE, p)).toList(),
                List.of(),
                null,
                null,
                Map.of(),
                null,
                null,
                null));
    return tier == Tier.VIP ? helpdesk.customers.setTierOverride(c.id(), Tier.VIP) : c;
  }

  /** The prompt's sound for a language, as the script sends it to GET DATA or STREAM FILE. */
  String sound(String prompt, String language) {
    return menus.prompt(prompt, language);
  }

  String menuSound(String menu, String language) {
    return menus.menu(menu).prompt().in(language);
  }

  @Override
  public void close() {
    agi.close();
    server.close();
    helpdesk.close();
  }
}
