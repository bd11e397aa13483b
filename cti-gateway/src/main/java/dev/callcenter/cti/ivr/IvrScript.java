package dev.callcenter.cti.ivr;

import dev.callcenter.cti.ivr.fastagi.AgiChannel;
import dev.callcenter.cti.ivr.fastagi.AgiException;
import dev.callcenter.cti.ivr.fastagi.AgiHangupException;
import dev.callcenter.cti.ivr.fastagi.AgiRequest;
import dev.callcenter.cti.ivr.fastagi.AgiScript;
import dev.callcenter.cti.ivr.menu.IvrMenus;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerSummary;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.followup.FollowUpDraft;
import dev.callcenter.helpdesk.interaction.CallDetails;
import dev.callcenter.helpdesk.interaction.Channel;
import dev.callcenter.helpdesk.interaction.Direction;
import dev.callcenter.helpdesk.interaction.Interaction;
import dev.callcenter.helpdesk.interaction.InteractionDraft;
import dev.callcenter.helpdesk.ivr.IvrOutcome;
import dev.callcenter.helpdesk.survey.SurveyAnswerDraft;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketQuery;
import dev.callcenter.helpdesk.ticket.TicketSource;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code ivr} FastAGI script: identifies the caller, offers ticket status, fault reports and
 * callbacks, and hands the call back to the dialplan with the queue and priority to wait in. Any
 * help-desk failure gets an apology and an agent; a hang-up keeps what was already stored.
 *
 * <p>Channel variables set for the dialplan: {@code CC_NEXT} ({@code queue} or {@code hangup}),
 * {@code CC_QUEUE}, {@code QUEUE_PRIO} (read by {@code Queue()}), {@code CC_LANGUAGE}, {@code
 * CC_CALL_ID}, and when known {@code CC_CUSTOMER_ID} and {@code CC_TICKET_ID}.
 */
final class IvrScript implements AgiScript {

  private static final Logger log = LoggerFactory.getLogger(IvrScript.class);
  private static final int STRIKES = 3;

  private final IvrMenus menus;
  private final IvrServices services;
  private final Backend backend;
  private final Clock clock;

  IvrScript(IvrMenus menus, IvrServices services, Backend backend, Clock clock) {
    this.menus = menus;
    this.services = services;
    this.backend = backend;
    this.clock = clock;
  }

  @Override
  public void run(AgiRequest request, AgiChannel channel) {
    String callId = callId(request, channel);
    MDC.put("callId", callId);
    new Call(request, channel, callId).run();
  }

  /** The call id: Asterisk's Linkedid of the call, else this channel's Uniqueid. */
  static String callId(AgiRequest request, AgiChannel channel) {
    return channel
        .getFullVariable("${CHANNEL(linkedid)}")
        .filter(s -> !s.isBlank())
        .orElse(request.uniqueid());
  }

  /** One caller's way through the menu. */
  private final class Call {
    private final AgiRequest request;
    private final AgiChannel channel;
    private final IvrJournal journal;
    private final MenuPlayer player;
    private final Instant startedAt = clock.instant();
    private String language;
    private CustomerSummary customer;
    private String product;
    private Long ticketId;
    private String queue;
    private boolean finished;

    Call(AgiRequest request, AgiChannel channel, String callId) {
      this.request = request;
      this.channel = channel;
      this.journal = new IvrJournal(services.journeys(), backend, clock, callId);
      this.player = new MenuPlayer(channel, journal);
    }

    void run() {
      try {
        try {
          journal.start(request.callerNumber());
          serve();
        } catch (BackendFailure e) {
          log.warn(
              "Help desk failed during IVR call {} ({}); apologising and routing to an agent",
              journal.callId(),
              e.getMessage());
          journal.step("back-end", null, "failed: " + e.getMessage());
          toAgent("back-end failure", true);
        } catch (AgiException e) {
          throw e;
        } catch (RuntimeException e) {
          // a bug or a rejected write (e.g. an inactive callback owner): still never dead air
          log.error("IVR call {} failed; apologising and routing to an agent", journal.callId(), e);
          journal.step("error", null, "failed: " + e.getMessage());
          toAgent("error", true);
        }
      } catch (AgiHangupException e) {
        log.info("Caller hung up in the IVR (call {}): {}", journal.callId(), e.getMessage());
        journal.step("hangup", null, "caller hung up");
        if (!finished) {
          finished = true;
          journal.finish(IvrOutcome.HUNG_UP, null, null, ticketId);
        }
      } finally {
        recordInteraction();
      }
    }

    private void serve() {
      channel.streamFile(menus.prompt("welcome", menus.defaultLanguage()));
      String number = request.callerNumber();
      CallerLookup lookup =
          backend.call("caller lookup", () -> services.customers().lookup(number));
      if (lookup.result() == CallerLookup.Result.KNOWN) {
        customer = lookup.customers().getFirst();
        journal.step("identify", null, "known by caller number: customer " + customer.id());
      } else {
        journal.step(
            "identify", null, lookup.result().name().toLowerCase(Locale.ROOT) + " caller number");
      }
      if (customer != null && menus.languages().contains(customer.language())) {
        language = customer.language();
        journal.step("language", null, "customer preference " + language);
      } else {
        language = chooseLanguage();
      }
      channel.setVariable("CHANNEL(language)", menus.channelLanguage().get(language));
      if (customer == null) {
        customer = identifyByEntry(lookup);
        if (customer == null) {
          journal.identify(null, language);
          toAgent("not identified", false);
          return;
        }
      }
      journal.identify(customer.id(), language);
      offerTicketSurvey();
      mainMenu();
    }

    /**
     * Asks the caller to rate their most recently resolved ticket if it was resolved within the
     * configured window and not rated yet; no rating is no harm, the main menu follows either way.
     */
    private void offerTicketSurvey() {
      if (menus.surveyAfterResolved().isZero()) {
        return;
      }
      long customerId = customer.id();
      Instant since = clock.instant().minus(menus.surveyAfterResolved());
      List<TicketSummary> resolved =
          backend.call(
              "resolved tickets",
              () ->
                  services
                      .tickets()
                      .list(
                          TicketQuery.all(5, 0)
                              .withCustomer(customerId)
                              .withStatuses(Set.of(TicketStatus.RESOLVED))));
      Ticket rate = null;
      for (TicketSummary t : resolved) {
        Ticket full = backend.call("ticket " + t.id(), () -> services.tickets().get(t.id()));
        if (full.resolvedAt() != null
            && full.resolvedAt().isAfter(since)
            && !backend.call(
                "survey of ticket " + t.id(), () -> services.surveys().answeredForTicket(t.id()))) {
          rate = full;
          break;
        }
      }
      if (rate == null) {
        return;
      }
      long ticket = rate.id();
      channel.streamFile(menus.prompt("ticket-survey", language));
      channel.sayDigits(Long.toString(ticket));
      MenuResult rating = player.play(menus.menu("survey-rating"), language);
      if (!(rating instanceof MenuResult.Chosen r)) {
        journal.step("ticket-survey", null, "ticket " + ticket + " not rated");
        return;
      }
      Boolean solved = null;
      if (menus.surveyAsksSolved()
          && player.play(menus.menu("survey-solved"), language) instanceof MenuResult.Chosen s) {
        solved = s.value().equals("yes");
      }
      SurveyAnswerDraft answer =
          new SurveyAnswerDraft(
              journal.callId(),
              customerId,
              null,
              null,
              ticket,
              Integer.parseInt(r.value()),
              solved);
      backend.call("store survey answer", () -> services.surveys().record(answer));
      journal.step("ticket-survey", r.value(), "ticket " + ticket + " rated " + r.value());
      channel.streamFile(menus.prompt("survey-thanks", language));
    }

    private String chooseLanguage() {
      if (menus.languages().size() == 1) {
        return menus.defaultLanguage();
      }
      MenuResult r = player.play(menus.menu("language"), menus.defaultLanguage());
      if (r instanceof MenuResult.Chosen c) {
        return c.value();
      }
      journal.step("language", null, "default " + menus.defaultLanguage());
      return menus.defaultLanguage();
    }

    /** Customer number or registered phone by DTMF; null after three strikes or silence. */
    private CustomerSummary identifyByEntry(CallerLookup byCallerNumber) {
      Set<Long> candidates =
          byCallerNumber.result() == CallerLookup.Result.AMBIGUOUS
              ? byCallerNumber.customers().stream()
                  .map(CustomerSummary::id)
                  .collect(java.util.stream.Collectors.toSet())
              : Set.of();
      for (int strike = 1; strike <= STRIKES; strike++) {
        MenuResult r = player.play(menus.menu("identify"), language);
        if (!(r instanceof MenuResult.Entered entered)) {
          return null;
        }
        CustomerSummary found = resolve(entered.digits(), candidates);
        if (found != null) {
          journal.step("identify", entered.digits(), "customer " + found.id());
          return found;
        }
        journal.step("identify", entered.digits(), "no match (strike " + strike + ")");
        channel.streamFile(menus.prompt("not-identified", language));
      }
      return null;
    }

    /**
     * The customer the caller keyed in: a customer number (the help desk's id, up to 9 digits
     * without a leading 0), else an account number (the customer's external reference), else a
     * registered phone number. When the caller number was shared by several customers, only one of
     * them is accepted.
     */
    private CustomerSummary resolve(String digits, Set<Long> candidates) {
      CustomerSummary found = null;
      if (digits.length() <= 9 && !digits.startsWith("0")) {
        long id = Long.parseLong(digits);
        try {
          found = backend.call("customer by number", () -> services.customers().get(id)).summary();
        } catch (NotFoundException e) {
          found = null;
        }
      }
      if (found == null) {
        found =
            backend
                .call("customer by account", () -> services.customers().byExternalRef(digits))
                .map(Customer::summary)
                .orElse(null);
      }
      if (found == null) {
        CallerLookup byPhone =
            backend.call("phone lookup", () -> services.customers().lookup(digits));
        found =
            byPhone.result() == CallerLookup.Result.KNOWN ? byPhone.customers().getFirst() : null;
      }
      if (found != null && !candidates.isEmpty() && !candidates.contains(found.id())) {
        return null;
      }
      return found;
    }

    private void mainMenu() {
      Set<String> hidden = menus.technicianVisit() ? Set.of() : Set.of("technician-visit");
      while (true) {
        MenuResult r = player.play(menus.menu("main"), language, hidden);
        if (!(r instanceof MenuResult.Chosen c)) {
          toAgent("no choice in the main menu", false);
          return;
        }
        switch (c.value()) {
          case "ticket-status" -> {
            if (ticketStatus()) {
              return;
            }
          }
          case "report-fault" -> {
            if (!reportFault()) {
              return;
            }
          }
          case "callback" -> {
            callback();
            return;
          }
          default -> {
            toAgent("asked for an agent", false);
            return;
          }
        }
      }
    }

    /** Reads the open tickets; true when the call left the menu (to an agent). */
    private boolean ticketStatus() {
      long customerId = customer.id();
      List<TicketSummary> open =
          backend.call("open tickets", () -> services.tickets().openForCustomer(customerId));
      if (open.isEmpty()) {
        channel.streamFile(menus.prompt("no-open-tickets", language));
        journal.step("ticket-status", null, "no open tickets");
      } else {
        channel.streamFile(menus.prompt("you-have", language));
        channel.sayNumber(open.size());
        channel.streamFile(menus.prompt("open-tickets", language));
        List<TicketSummary> spoken =
            open.subList(0, Math.min(open.size(), menus.maxTicketsSpoken()));
        for (TicketSummary t : spoken) {
          speak(backend.call("ticket " + t.id(), () -> services.tickets().get(t.id())));
        }
        journal.step(
            "ticket-status",
            null,
            "read " + spoken.size() + " of " + open.size() + " open: " + ids(spoken));
        ticketId = open.getFirst().id();
      }
      while (true) {
        MenuResult r = player.play(menus.menu("ticket-status"), language);
        if (!(r instanceof MenuResult.Chosen c)) {
          toAgent("no choice after ticket status", false);
          return true;
        }
        switch (c.value()) {
          case "agent" -> {
            toAgent("about ticket " + ticketId, false);
            return true;
          }
          case "main" -> {
            return false;
          }
          default -> ticketByNumber();
        }
      }
    }

    private void ticketByNumber() {
      MenuResult r = player.play(menus.menu("ticket-number"), language);
      if (!(r instanceof MenuResult.Entered e)) {
        return;
      }
      Ticket t = null;
      if (e.digits().length() <= 18) {
        long id = Long.parseLong(e.digits());
        try {
          t = backend.call("ticket " + id, () -> services.tickets().get(id));
        } catch (NotFoundException notFound) {
          t = null;
        }
      }
      // another customer's ticket is answered exactly like a missing one
      if (t == null || t.customerId() != customer.id()) {
        channel.streamFile(menus.prompt("ticket-not-found", language));
        journal.step("ticket-number", e.digits(), "not found");
        return;
      }
      speak(t);
      ticketId = t.id();
      journal.step("ticket-number", e.digits(), "read ticket " + t.id() + " " + t.status());
    }

    private void speak(Ticket t) {
      channel.streamFile(menus.prompt("ticket", language));
      channel.sayDigits(Long.toString(t.id()));
      channel.streamFile(
          menus.prompt(
              "status-" + t.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), language));
      Instant promised = t.promisedBy() != null ? t.promisedBy() : t.resolutionDueAt();
      if (promised != null) {
        channel.streamFile(menus.prompt("promised-by", language));
        channel.sayDateTime(promised, menus.sayDateTimeFormat().get(language), menus.timeZone());
      }
    }

    /** Creates a fault report; false when the call left the menu (to an agent). */
    private boolean reportFault() {
      MenuResult r = player.play(menus.menu("product"), language);
      if (!(r instanceof MenuResult.Chosen c)) {
        toAgent("no product chosen", false);
        return false;
      }
      product = c.value();
      MenuResult s = player.play(menus.menu("serial"), language);
      String serial = s instanceof MenuResult.Entered e ? e.digits() : null;
      long customerId = customer.id();
      String description =
          "Reported by phone in the IVR.\nProduct: "
              + product
              + (serial == null ? "" : "\nSerial number: " + serial)
              + "\nCaller number: "
              + request.callerNumber()
              + "\n\nIVR path:\n"
              + journal.path();
      TicketDraft draft =
          new TicketDraft(
              TicketType.FAULT_REPORT,
              "Fault report by phone: " + product,
              description,
              null,
              customerId,
              null,
              null,
              List.of("ivr"),
              TicketSource.IVR,
              journal.callId(),
              product,
              null,
              null);
      Ticket ticket =
          backend.call("create fault report", () -> services.openTicket().open(draft, null));
      ticketId = ticket.id();
      journal.step("report-fault", serial, "ticket " + ticket.id() + " created for " + product);
      channel.streamFile(menus.prompt("fault-created", language));
      channel.sayDigits(Long.toString(ticket.id()));
      return true;
    }

    private void callback() {
      MenuResult r = player.play(menus.menu("callback"), language);
      String number = null;
      if (r instanceof MenuResult.Chosen c
          && c.value().equals("this-number")
          && request.callerNumber() != null) {
        number = request.callerNumber();
      } else if (r instanceof MenuResult.Chosen) {
        MenuResult n = player.play(menus.menu("callback-number"), language);
        number = n instanceof MenuResult.Entered e ? e.digits() : null;
      }
      if (number == null) {
        toAgent("no callback number", false);
        return;
      }
      String callbackNumber = number;
      String callbackQueue = menus.routing().queueFor(language, product);
      String ownerName = menus.routing().callbackOwner();
      User owner =
          backend
              .call("callback owner", () -> services.users().findCredentials(ownerName))
              .map(credentials -> credentials.user())
              .orElseThrow(
                  () ->
                      new BackendFailure(
                          "callback owner '"
                              + ownerName
                              + "' (routing.callback-owner) does not exist",
                          null));
      FollowUpDraft draft =
          new FollowUpDraft(
              "Call back " + callbackNumber + " (queue " + callbackQueue + ")",
              "Asked for in the IVR, call "
                  + journal.callId()
                  + ", language "
                  + language
                  + ".\nNumber: "
                  + callbackNumber
                  + "\nQueue: "
                  + callbackQueue
                  + "\n\nIVR path:\n"
                  + journal.path(),
              clock.instant().plus(menus.routing().callbackDue()),
              owner.id(),
              callbackQueue,
              customer.id(),
              ticketId);
      long followUp =
          backend.call("create callback", () -> services.followUps().create(draft, null)).id();
      queue = callbackQueue;
      journal.step(
          "callback", callbackNumber, "follow-up " + followUp + " for queue " + callbackQueue);
      finished = true;
      journal.finish(IvrOutcome.CALLBACK, callbackQueue, null, ticketId);
      channel.setVariable("CC_NEXT", "hangup");
      channel.setVariable("CC_CALL_ID", journal.callId());
      channel.streamFile(menus.prompt("callback-confirm", language));
      channel.sayDigits(callbackNumber);
      channel.streamFile(menus.prompt("goodbye", language));
    }

    /** Sets the dialplan's variables for {@code Queue()} and returns to it. */
    private void toAgent(String reason, boolean apologise) {
      String lang = language != null ? language : menus.defaultLanguage();
      boolean vip = customer != null && customer.tier() == Tier.VIP;
      queue =
          apologise ? menus.routing().defaultQueue() : menus.routing().queueFor(language, product);
      int priority = menus.routing().priorityFor(vip);
      channel.setVariable("CC_NEXT", "queue");
      channel.setVariable("CC_QUEUE", queue);
      channel.setVariable("QUEUE_PRIO", Integer.toString(priority));
      channel.setVariable("CC_LANGUAGE", lang);
      channel.setVariable("CC_CALL_ID", journal.callId());
      if (customer != null) {
        channel.setVariable("CC_CUSTOMER_ID", Long.toString(customer.id()));
      }
      if (ticketId != null) {
        channel.setVariable("CC_TICKET_ID", Long.toString(ticketId));
      }
      journal.step("agent", null, reason + ": queue " + queue + " priority " + priority);
      log.info(
          "IVR call {} to queue {} priority {} ({}), customer {}",
          journal.callId(),
          queue,
          priority,
          reason,
          customer == null ? "unknown" : customer.id());
      finished = true;
      journal.finish(IvrOutcome.AGENT, queue, priority, ticketId);
      if (apologise) {
        channel.streamFile(menus.prompt("apology", lang));
      }
      channel.streamFile(menus.prompt("transfer", lang));
    }

    /** The call on the customer's timeline, linked to the ticket it created; best effort. */
    private void recordInteraction() {
      if (customer == null) {
        return;
      }
      long customerId = customer.id();
      String path = journal.path();
      InteractionDraft draft =
          new InteractionDraft(
              customerId,
              Channel.PHONE_IN,
              Direction.INBOUND,
              startedAt,
              clock.instant(),
              "IVR" + (path.isEmpty() ? "" : ":\n" + path),
              new CallDetails(
                  request.uniqueid(),
                  journal.callId(),
                  queue,
                  request.callerNumber(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null));
      try {
        Interaction i =
            backend.call("record interaction", () -> services.interactions().record(draft, null));
        if (ticketId != null) {
          long t = ticketId;
          backend.run(
              "link interaction", () -> services.tickets().linkInteraction(t, i.id(), null));
        }
      } catch (RuntimeException e) {
        log.warn(
            "IVR call {} not recorded on customer {}'s timeline: {}",
            journal.callId(),
            customerId,
            e.getMessage());
      }
    }

    private static String ids(List<TicketSummary> tickets) {
      return String.join(", ", tickets.stream().map(t -> "#" + t.id()).toList());
    }
  }
}
