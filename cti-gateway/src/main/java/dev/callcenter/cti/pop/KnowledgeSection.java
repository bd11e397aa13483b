package dev.callcenter.cti.pop;

import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.ticket.TicketSummary;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.kb.library.TicketKnowledge;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pop's {@code kb} section: knowledge-base answers for the caller's newest open fault report,
 * else their newest open ticket; left out when there is none or nothing fits.
 */
public final class KnowledgeSection implements PopSection {

  private static final int ANSWERS = 3;

  private final TicketKnowledge knowledge;

  public KnowledgeSection(TicketKnowledge knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public String name() {
    return "kb";
  }

  @Override
  public Object compose(
      String callId, CallerLookup lookup, Long customerId, List<TicketSummary> openTickets) {
    if (openTickets.isEmpty()) {
      return null;
    }
    TicketSummary about =
        openTickets.stream()
            .filter(t -> t.type() == TicketType.FAULT_REPORT)
            .findFirst()
            .orElse(openTickets.getFirst());
    var hits = knowledge.suggestForTicket(about.id(), ANSWERS);
    if (hits.isEmpty()) {
      return null;
    }
    return hits.stream()
        .map(
            h -> {
              Map<String, Object> hit = new LinkedHashMap<>();
              hit.put("id", h.articleId());
              hit.put("externalId", h.externalId());
              hit.put("title", h.title());
              hit.put("snippet", h.snippet());
              hit.put("score", h.score());
              hit.put("ticketId", about.id());
              return hit;
            })
        .toList();
  }
}
