package dev.callcenter.cti.ivr;

import dev.callcenter.cti.pop.PopSection;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.ivr.IvrJourneyService;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pop's {@code ivr} section: what the caller chose, entered and created in the IVR, as steps
 * with codes and parameters (see {@link dev.callcenter.helpdesk.ivr.IvrStepCode}) the page words.
 */
public final class IvrPathSection implements PopSection {

  private final IvrJourneyService journeys;

  public IvrPathSection(IvrJourneyService journeys) {
    this.journeys = journeys;
  }

  @Override
  public String name() {
    return "ivr";
  }

  @Override
  public Object compose(
      String callId, CallerLookup lookup, Long customerId, List<TicketSummary> openTickets) {
    return journeys
        .findByCallId(callId)
        .map(
            j -> {
              Map<String, Object> ivr = new LinkedHashMap<>();
              ivr.put("steps", j.steps());
              ivr.put("language", j.language());
              ivr.put("ticketId", j.ticketId());
              ivr.put("queue", j.queue());
              ivr.put("priority", j.priority());
              ivr.put("outcome", j.outcome());
              ivr.put(
                  "seconds",
                  j.endedAt() == null
                      ? null
                      : Duration.between(j.startedAt(), j.endedAt()).toSeconds());
              return ivr;
            })
        .orElse(null);
  }
}
