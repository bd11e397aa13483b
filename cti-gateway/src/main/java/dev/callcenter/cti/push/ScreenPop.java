package dev.callcenter.cti.push;

import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.CustomerSummary;
import dev.callcenter.helpdesk.followup.FollowUp;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.TicketSource;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.helpdesk.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the ringing agent sees: who is calling and what is going on with them; composed by {@link
 * dev.callcenter.cti.pop.ScreenPopComposer}.
 *
 * @param queue the queue the call rings in now (for a transferred call, the one it was sent to)
 * @param transfer who transferred the call here, null for a call straight from the caller
 * @param caller the number as the PBX gave it, its E.164 form and the name it sent
 * @param lookup KNOWN, AMBIGUOUS, UNKNOWN or ANONYMOUS
 * @param customer the identified customer with value tier, null unless KNOWN
 * @param candidates every matching customer when AMBIGUOUS
 * @param recent the customer's last contacts across channels, newest first
 * @param openTickets open tickets with their SLA clocks
 * @param overdueFollowUps follow-ups about this customer that are past due
 * @param onAnswer what to open when the agent answers
 * @param extras sections other features add by {@link dev.callcenter.cti.pop.PopSection}: {@code
 *     ivr} (the caller's IVR path), {@code kb} (suggested articles); later {@code dispatch} (open
 *     dispatch orders)
 */
public record ScreenPop(
    String callId,
    String queue,
    Instant ringingSince,
    Transfer transfer,
    Caller caller,
    CallerLookup.Result lookup,
    CustomerSummary customer,
    List<CustomerSummary> candidates,
    List<TimelineEntry> recent,
    List<OpenTicket> openTickets,
    List<FollowUp> overdueFollowUps,
    OnAnswer onAnswer,
    Map<String, Object> extras) {

  /**
   * The agent who transferred the call to this agent's queue.
   *
   * @param fromUserId that agent's user, null when their phone belongs to no user
   * @param fromAgent their display name
   * @param fromInterface their phone
   * @param fromQueue the queue the call was in when they answered it
   * @param at when they transferred it
   */
  public record Transfer(
      Long fromUserId, String fromAgent, String fromInterface, String fromQueue, Instant at) {}

  /** The caller as identified by the PBX. */
  public record Caller(String number, String e164, String name, boolean anonymous) {}

  /**
   * An open ticket with its SLA clocks.
   *
   * @param sla {@code ok}, {@code warning}, {@code breached} or {@code paused} — the worst of its
   *     running clocks — or {@code unknown} when its clocks could not be read
   * @param dueAt the earliest due time of its running clocks
   */
  public record OpenTicket(
      long id,
      String title,
      TicketType type,
      TicketStatus status,
      Priority priority,
      Instant createdAt,
      String sla,
      Instant dueAt,
      Long remainingSeconds) {}

  /**
   * What to open on answer.
   *
   * @param action {@code open-customer} (the customer has recent activity or open tickets), {@code
   *     new-ticket} (known customer, nothing open: a pre-filled ticket) or {@code create-customer}
   *     (unknown caller)
   * @param ticketId the newest open ticket, for {@code open-customer}
   * @param ticket the pre-filled new ticket (for any known customer: one click creates it)
   */
  public record OnAnswer(String action, Long customerId, Long ticketId, TicketPrefill ticket) {}

  /**
   * A new ticket filled in from the call.
   *
   * @param title always null since issue 13: the page words the default title ("Call from …") in
   *     the user's language from the pop's customer and queue (story.js {@code prefillTitle})
   */
  public record TicketPrefill(
      Long customerId, TicketType type, String title, TicketSource source, String pbxLinkedid) {}
}
