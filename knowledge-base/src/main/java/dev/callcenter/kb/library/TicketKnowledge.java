package dev.callcenter.kb.library;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.Fields;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketService;
import dev.callcenter.helpdesk.ticket.TicketStatus;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import dev.callcenter.kb.article.ArticleDraft;
import dev.callcenter.kb.article.FeedbackCounts;
import dev.callcenter.kb.article.FeedbackKind;
import dev.callcenter.kb.article.StoredArticle;
import dev.callcenter.kb.search.SearchFilters;
import dev.callcenter.kb.search.SearchHit;
import dev.callcenter.kb.search.SearchRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The knowledge base in the ticket flow: articles suggested for a ticket (or for what a caller
 * described before there is one), "this article solved the ticket" links, and article drafts made
 * from resolved tickets.
 */
public final class TicketKnowledge {
  public static final int MAX_SUGGESTIONS = 20;

  private final KnowledgeBaseService knowledgeBase;
  private final TicketService tickets;

  public TicketKnowledge(KnowledgeBaseService knowledgeBase, TicketService tickets) {
    this.knowledgeBase = knowledgeBase;
    this.tickets = tickets;
  }

  /**
   * What a caller or agent described, for suggestions before a ticket exists (the screen pop).
   *
   * @param ivrChoice the fault the caller picked in the phone menu, in words (optional)
   * @param product the caller's product, or null
   * @param version the caller's installed version of it, or null
   */
  public record Problem(
      String title, String description, String ivrChoice, String product, String version) {

    public Problem {
      title = Fields.optional("title", title, 1000);
      description = Fields.optional("description", description, 20_000);
      ivrChoice = Fields.optional("ivrChoice", ivrChoice, 200);
      product = Fields.optional("product", product, ArticleDraft.MAX_LABEL);
      version = Fields.optional("version", version, ArticleDraft.MAX_LABEL);
    }

    String text() {
      StringJoiner text = new StringJoiner("\n");
      for (String part : new String[] {title, description, ivrChoice}) {
        if (part != null) {
          text.add(part);
        }
      }
      return text.toString();
    }
  }

  /**
   * The best articles for a problem, for agents: articles of its product first (with a fix for an
   * older installed version ahead, see {@link SearchFilters#version()}), then general ones, without
   * archived articles.
   */
  public List<SearchHit> suggest(Problem problem, int limit) {
    int size = Math.clamp(limit, 1, MAX_SUGGESTIONS);
    String text = problem.text();
    if (text.isBlank()) {
      return List.of();
    }
    List<SearchHit> hits = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (problem.product() != null) {
      SearchFilters ofProduct =
          SearchFilters.NONE.withProduct(problem.product()).withVersion(problem.version());
      addNotArchived(hits, seen, text, ofProduct, size);
    }
    addNotArchived(hits, seen, text, SearchFilters.NONE, size);
    return List.copyOf(hits);
  }

  private void addNotArchived(
      List<SearchHit> hits, Set<String> seen, String text, SearchFilters filters, int size) {
    if (hits.size() >= size) {
      return;
    }
    // Over-fetch: archived articles are dropped here, the index has no "not archived" filter.
    SearchRequest request =
        new SearchRequest(text, filters, 0, Math.min(SearchRequest.MAX_PAGE_SIZE, size * 3));
    for (SearchHit hit : knowledgeBase.search(request).hits()) {
      if (hits.size() < size
          && seen.add(hit.articleId())
          && knowledgeBase.get(Long.parseLong(hit.articleId())).status()
              != ArticleStatus.ARCHIVED) {
        hits.add(hit);
      }
    }
  }

  /** The best articles for a stored ticket: its title, description, product and version. */
  public List<SearchHit> suggestForTicket(long ticketId, int limit) {
    Ticket ticket = tickets.get(ticketId);
    return suggest(
        new Problem(
            ticket.title(), ticket.description(), null, ticket.product(), ticket.productVersion()),
        limit);
  }

  /**
   * Links the article as having solved the ticket (counted once per ticket); it is shown to the
   * article's authors and lifts the article a little in rankings.
   */
  public FeedbackCounts solved(long articleId, long ticketId, Long userId) {
    return feedback(articleId, FeedbackKind.SOLVED, ticketId, userId);
  }

  /**
   * Feedback on an article, given while working on {@code ticketId} (null when not): the ticket
   * must exist (404 otherwise), for every kind.
   */
  public FeedbackCounts feedback(long articleId, FeedbackKind kind, Long ticketId, Long userId) {
    if (ticketId != null) {
      tickets.get(ticketId);
    }
    return knowledgeBase.feedback(articleId, kind, ticketId, userId);
  }

  /**
   * A DRAFT article pre-filled from a resolved (or closed) ticket: its title, its description as
   * the symptom, its resolution notes as the resolution, its product and version; internal until an
   * author edits and publishes it.
   *
   * @throws ConflictException {@code kb_ticket_not_resolved} when the ticket has no resolution yet
   */
  public StoredArticle draftFromTicket(long ticketId, Long authorId) {
    Ticket ticket = tickets.get(ticketId);
    if (ticket.status() != TicketStatus.RESOLVED && ticket.status() != TicketStatus.CLOSED
        || ticket.resolution() == null) {
      throw new ConflictException(
          "kb_ticket_not_resolved",
          "ticket " + ticketId + " is " + ticket.status() + "; only resolved tickets make drafts",
          Map.of("ticketId", ticketId, "status", ticket.status().name()));
    }
    String text = ticket.title() + ticket.description() + ticket.resolution();
    boolean chinese =
        text.codePoints()
            .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    ArticleDraft draft =
        new ArticleDraft(
            ticket.title(),
            ticket.description(),
            null,
            ticket.resolution(),
            ticket.product(),
            ticket.productVersion() == null ? List.of() : List.of(ticket.productVersion()),
            null,
            ticket.tags(),
            // Tickets carry no language; this call center writes Chinese in Traditional script.
            chinese ? Language.ZH_TW : Language.EN,
            Visibility.INTERNAL,
            null);
    return knowledgeBase.create(
        draft, ArticleStatus.DRAFT, ticketId, "drafted from ticket", authorId);
  }
}
