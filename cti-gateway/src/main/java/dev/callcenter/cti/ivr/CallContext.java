package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.AgiChannel;
import dev.callcenter.cti.ivr.fastagi.AgiRequest;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.cti.ivr.menu.MenuName;
import dev.callcenter.helpdesk.customer.CustomerSummary;
import dev.callcenter.helpdesk.ivr.IvrOutcome;
import dev.callcenter.helpdesk.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * One IVR call as the flows see it: the channel and the caller, the menus and the help desk, the
 * journal, and what the call has learned so far and where it is going (language, customer, product,
 * ticket, queue). Each flow gets it passed explicitly; it lives for one FastAGI session on one
 * thread.
 */
final class CallContext {

  private final AgiRequest request;
  private final AgiChannel channel;
  private final IvrMenus menus;
  private final IvrServices services;
  private final Backend backend;
  private final Clock clock;
  private IvrOutcome outcome;
  private final IvrJournal journal;
  private final MenuPlayer player;
  private final Instant startedAt;

  private String language;
  private CustomerSummary customer;
  private String product;
  private Long ticketId;
  private String queue;
  private boolean finished;

  CallContext(
      AgiRequest request,
      AgiChannel channel,
      String callId,
      IvrMenus menus,
      IvrServices services,
      Backend backend,
      Clock clock) {
    this.request = request;
    this.channel = channel;
    this.menus = menus;
    this.services = services;
    this.backend = backend;
    this.clock = clock;
    this.startedAt = clock.instant();
    this.journal = new IvrJournal(services.journeys(), backend, clock, callId);
    this.player = new MenuPlayer(channel, journal);
  }

  AgiRequest request() {
    return request;
  }

  AgiChannel channel() {
    return channel;
  }

  IvrMenus menus() {
    return menus;
  }

  IvrServices services() {
    return services;
  }

  Backend backend() {
    return backend;
  }

  Clock clock() {
    return clock;
  }

  IvrJournal journal() {
    return journal;
  }

  String callId() {
    return journal.callId();
  }

  /** The caller's number as Asterisk sent it; null when withheld. */
  String callerNumber() {
    return request.callerNumber();
  }

  Instant startedAt() {
    return startedAt;
  }

  MenuPlayer player() {
    return player;
  }

  /** Plays {@code menu} in the call's language. */
  MenuResult play(MenuName menu) {
    return player.play(menus.menu(menu), language);
  }

  /** Plays {@code menu} in the call's language; choices with a value in {@code hidden} are off. */
  MenuResult play(MenuName menu, Set<String> hidden) {
    return player.play(menus.menu(menu), language, hidden);
  }

  /** Plays {@code menu} in {@code inLanguage}, before the call's language is known. */
  MenuResult play(MenuName menu, String inLanguage) {
    return player.play(menus.menu(menu), inLanguage);
  }

  /** Streams the configured prompt in the call's language. */
  void say(String prompt) {
    channel.streamFile(menus.prompt(prompt, language));
  }

  /** The menu language; null until chosen or known from the customer. */
  String language() {
    return language;
  }

  void language(String language) {
    this.language = language;
  }

  /** Who is calling; null until identified. */
  CustomerSummary customer() {
    return customer;
  }

  void customer(CustomerSummary customer) {
    this.customer = customer;
  }

  /** The product of a fault report, which routes to its own queue; null if none. */
  String product() {
    return product;
  }

  void product(String product) {
    this.product = product;
  }

  /** The ticket this call is about (read out or created); null if none. */
  Long ticketId() {
    return ticketId;
  }

  void ticketId(Long ticketId) {
    this.ticketId = ticketId;
  }

  /** The queue the call was sent to (to wait in, or for a callback); null while in the IVR. */
  String queue() {
    return queue;
  }

  void queue(String queue) {
    this.queue = queue;
  }

  /**
   * The user who owns what the IVR asks people to do ({@code routing.callback-owner}).
   *
   * @throws BackendFailure when there is no such user (the caller goes to an agent)
   */
  User callbackOwner() {
    String ownerName = menus.routing().callbackOwner();
    return backend
        .call("callback owner", () -> services.users().findCredentials(ownerName))
        .map(credentials -> credentials.user())
        .orElseThrow(
            () ->
                new BackendFailure(
                    "callback owner '" + ownerName + "' (routing.callback-owner) does not exist",
                    null));
  }

  /**
   * Ends the call in the menu after serving it: the journey ends {@code COMPLETED}, the dialplan
   * hangs up ({@code CC_NEXT=hangup}) after the goodbye.
   */
  IvrFlow.Next goodbye() {
    finish(IvrOutcome.COMPLETED, null, null);
    channel.setVariable("CC_NEXT", "hangup");
    channel.setVariable("CC_CALL_ID", callId());
    say("goodbye");
    return IvrFlow.Next.LEFT_IVR;
  }

  /** Ends the journey with {@code outcome}; the first ending wins over a later hang-up. */
  void finish(IvrOutcome outcome, String queue, Integer priority) {
    finished = true;
    this.outcome = outcome;
    journal.finish(outcome, queue, priority, ticketId);
  }

  /** How the caller left the menu, null while in it. */
  IvrOutcome outcome() {
    return outcome;
  }

  /** The caller hung up: ends the journey unless it already ended. */
  void hungUp() {
    if (!finished) {
      finish(IvrOutcome.HUNG_UP, null, null);
    }
  }
}
