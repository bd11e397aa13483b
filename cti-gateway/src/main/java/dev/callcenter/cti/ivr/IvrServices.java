package dev.callcenter.cti.ivr;

import dev.callcenter.helpdesk.assembly.Helpdesk;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.dispatch.field.VisitConfirmation;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.ivr.IvrJourneyService;
import dev.callcenter.helpdesk.survey.SurveyService;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.usecase.OpenTicket;
import dev.callcenter.helpdesk.user.UserRepository;
import java.util.Objects;

/**
 * The help-desk use cases the IVR calls.
 *
 * @param tickets reads tickets (status)
 * @param openTicket opens tickets (fault reports), assigning them like every other entry point
 * @param visits the caller's next technician visit, confirmed or to be rescheduled
 */
public record IvrServices(
    CustomerService customers,
    TicketService tickets,
    OpenTicket openTicket,
    FollowUpService followUps,
    InteractionService interactions,
    IvrJourneyService journeys,
    SurveyService surveys,
    UserRepository users,
    VisitConfirmation visits) {

  public IvrServices {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(openTicket, "openTicket");
    Objects.requireNonNull(followUps, "followUps");
    Objects.requireNonNull(interactions, "interactions");
    Objects.requireNonNull(journeys, "journeys");
    Objects.requireNonNull(surveys, "surveys");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(visits, "visits");
  }

  /** The IVR's use cases from the help desk as assembled. */
  public static IvrServices from(Helpdesk h) {
    return new IvrServices(
        h.customers(),
        h.tickets(),
        h.openTicket(),
        h.followUps(),
        h.interactions(),
        h.ivrJourneys(),
        h.surveys(),
        h.users(),
        h.visitConfirmation());
  }
}
