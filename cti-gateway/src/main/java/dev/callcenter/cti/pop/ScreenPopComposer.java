package dev.callcenter.cti.pop;

import dev.callcenter.cti.call.CallerId;
import dev.callcenter.cti.live.CallView;
import dev.callcenter.cti.push.ScreenPop;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.CustomerSummary;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.followup.FollowUpStatus;
import dev.callcenter.helpdesk.sla.TicketSla;
import dev.callcenter.helpdesk.sla.TicketSlaService;
import dev.callcenter.helpdesk.sla.clock.SlaMeasurement;
import dev.callcenter.helpdesk.sla.clock.SlaState;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketSource;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.timeline.TimelineEntry;
import dev.callcenter.helpdesk.timeline.TimelineService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the screen pop for a call from the helpdesk: a few indexed queries, no writes. */
public final class ScreenPopComposer {
  private static final Logger log = LoggerFactory.getLogger(ScreenPopComposer.class);

  /** Contacts shown on the pop. */
  public static final int RECENT = 5;

  /** Open tickets shown (with SLA clocks) on the pop. */
  public static final int OPEN_TICKETS = 5;

  /** "Recent activity": a contact within this window makes the pop open the customer. */
  private static final Duration RECENT_ACTIVITY = Duration.ofDays(30);

  private final CustomerService customers;
  private final TimelineService timeline;
  private final TicketService tickets;
  private final TicketSlaService sla;
  private final FollowUpService followUps;
  private final List<PopSection> sections;
  private final Clock clock;

  public ScreenPopComposer(
      CustomerService customers,
      TimelineService timeline,
      TicketService tickets,
      TicketSlaService sla,
      FollowUpService followUps,
      List<PopSection> sections,
      Clock clock) {
    this.customers = customers;
    this.timeline = timeline;
    this.tickets = tickets;
    this.sla = sla;
    this.followUps = followUps;
    this.sections = List.copyOf(sections);
    this.clock = clock;
  }

  public ScreenPop compose(CallView call) {
    CallerId id = call.caller() == null ? CallerId.anonymousCaller() : call.caller();
    ScreenPop.Caller caller =
        new ScreenPop.Caller(id.number(), id.e164(), id.name(), id.anonymous());
    CallerLookup lookup = lookup(id);
    CustomerSummary customer =
        lookup.result() == CallerLookup.Result.KNOWN ? lookup.customers().getFirst() : null;
    List<TimelineEntry> recent = List.of();
    List<TicketSummary> open = List.of();
    List<ScreenPop.OpenTicket> openTickets = List.of();
    List<FollowUp> overdue = List.of();
    if (customer != null) {
      recent = timeline.timeline(customer.id(), RECENT, 0);
      open = tickets.openForCustomer(customer.id());
      openTickets = open.stream().limit(OPEN_TICKETS).map(this::withSla).toList();
      overdue =
          followUps.forCustomer(customer.id()).stream()
              .filter(f -> f.status() == FollowUpStatus.OPEN && f.overdue())
              .toList();
    }
    Map<String, Object> extras = new LinkedHashMap<>();
    for (PopSection section : sections) {
      try {
        Object part =
            section.compose(call.callId(), lookup, customer == null ? null : customer.id(), open);
        if (part != null) {
          extras.put(section.name(), part);
        }
      } catch (RuntimeException e) {
        // A missing extra must never cost the agent the pop.
        log.warn("Screen pop section {} failed for call {}", section.name(), call.callId(), e);
      }
    }
    CallView.Transfer from = call.transferredFrom();
    return new ScreenPop(
        call.callId(),
        call.queue(),
        call.queuedAt() != null ? call.queuedAt() : call.offeredAt(),
        from == null
            ? null
            : new ScreenPop.Transfer(
                from.userId(), from.agentName(), from.agentInterface(), from.queue(), from.at()),
        caller,
        lookup.result(),
        customer,
        lookup.result() == CallerLookup.Result.AMBIGUOUS ? lookup.customers() : List.of(),
        recent,
        openTickets,
        overdue,
        onAnswer(call, customer, recent, openTickets),
        extras);
  }

  private CallerLookup lookup(CallerId id) {
    if (id.anonymous()) {
      return new CallerLookup(CallerLookup.Result.ANONYMOUS, null, null, List.of());
    }
    CallerLookup found = customers.lookup(id.e164() != null ? id.e164() : id.number());
    return new CallerLookup(found.result(), id.number(), found.e164(), found.customers());
  }

  private ScreenPop.OpenTicket withSla(TicketSummary t) {
    String state = "ok";
    Instant due = null;
    Long remaining = null;
    try {
      TicketSla clocks = sla.sla(t.id());
      List<SlaMeasurement> running = new ArrayList<>();
      for (TicketSla.TargetClock c : List.of(clocks.firstResponse(), clocks.resolution())) {
        if (c != null && c.measurement() != null && c.measurement().state() != SlaState.MET) {
          running.add(c.measurement());
        }
      }
      for (SlaMeasurement m : running) {
        String s =
            m.state() == SlaState.BREACHED
                ? "breached"
                : m.warning() ? "warning" : m.state() == SlaState.PAUSED ? "paused" : "ok";
        state = worse(state, s);
        if (due == null || m.dueAt().isBefore(due)) {
          due = m.dueAt();
          remaining = m.remaining().toSeconds();
        }
      }
    } catch (RuntimeException e) {
      log.warn("No SLA for ticket {} on the screen pop", t.id(), e);
      state = "unknown";
    }
    return new ScreenPop.OpenTicket(
        t.id(),
        t.title(),
        t.type(),
        t.status(),
        t.priority(),
        t.createdAt(),
        state,
        due,
        remaining);
  }

  private static String worse(String a, String b) {
    List<String> order = List.of("paused", "ok", "warning", "breached");
    return order.indexOf(b) > order.indexOf(a) ? b : a;
  }

  private ScreenPop.OnAnswer onAnswer(
      CallView call,
      CustomerSummary customer,
      List<TimelineEntry> recent,
      List<ScreenPop.OpenTicket> open) {
    if (customer == null) {
      return new ScreenPop.OnAnswer("create-customer", null, null, null);
    }
    Instant since = clock.instant().minus(RECENT_ACTIVITY);
    boolean active = recent.stream().anyMatch(e -> e.at().isAfter(since));
    ScreenPop.TicketPrefill prefill =
        new ScreenPop.TicketPrefill(
            customer.id(), TicketType.QUESTION, null, TicketSource.PHONE, call.callId());
    if (!open.isEmpty() || active) {
      Long ticket = open.isEmpty() ? null : open.getFirst().id();
      return new ScreenPop.OnAnswer("open-customer", customer.id(), ticket, prefill);
    }
    return new ScreenPop.OnAnswer("new-ticket", customer.id(), null, prefill);
  }
}
