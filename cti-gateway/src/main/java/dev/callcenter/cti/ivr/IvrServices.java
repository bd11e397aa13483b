package dev.callcenter.cti.ivr;

import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.followup.FollowUpService;
import dev.callcenter.helpdesk.interaction.InteractionService;
import dev.callcenter.helpdesk.ivr.IvrJourneyService;
import dev.callcenter.helpdesk.survey.SurveyService;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.user.UserRepository;
import java.util.Objects;

/** The help-desk use cases the IVR calls. */
public record IvrServices(
    CustomerService customers,
    TicketService tickets,
    FollowUpService followUps,
    InteractionService interactions,
    IvrJourneyService journeys,
    SurveyService surveys,
    UserRepository users) {

  public IvrServices {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(tickets, "tickets");
    Objects.requireNonNull(followUps, "followUps");
    Objects.requireNonNull(interactions, "interactions");
    Objects.requireNonNull(journeys, "journeys");
    Objects.requireNonNull(surveys, "surveys");
    Objects.requireNonNull(users, "users");
  }
}
