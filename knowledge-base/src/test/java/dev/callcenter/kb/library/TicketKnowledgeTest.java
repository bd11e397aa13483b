package dev.callcenter.kb.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.NotFoundException;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.ticket.Priority;
import dev.callcenter.helpdesk.ticket.StatusChange;
import dev.callcenter.helpdesk.ticket.Ticket;
import dev.callcenter.helpdesk.ticket.TicketDraft;
import dev.callcenter.helpdesk.ticket.TicketKit;
import dev.callcenter.helpdesk.ticket.TicketType;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import dev.callcenter.kb.article.ArticleDraft;
import dev.callcenter.kb.article.ArticleVersion;
import dev.callcenter.kb.article.FeedbackCounts;
import dev.callcenter.kb.article.FeedbackKind;
import dev.callcenter.kb.article.JdbiArticleRepository;
import dev.callcenter.kb.article.StoredArticle;
import dev.callcenter.kb.search.KnowledgeIndex;
import dev.callcenter.kb.search.SearchConfig;
import dev.callcenter.kb.search.SearchHit;
import dev.callcenter.kb.search.SearchRequest;
import dev.callcenter.kb.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TicketKnowledgeTest {

  private TicketKit kit;
  private KnowledgeIndex index;
  private KnowledgeBaseService kb;
  private TicketKnowledge ticketKnowledge;
  private long agent;
  private long customer;

  @BeforeEach
  void setUp() {
    kit = new TicketKit();
    index = KnowledgeIndex.inMemory(SearchConfig.DEFAULTS, TestModels.shared());
    kb =
        new KnowledgeBaseService(
            new JdbiArticleRepository(kit.db.jdbi()),
            new JdbiTransactions(kit.db.jdbi()),
            index,
            kit.clock);
    ticketKnowledge = new TicketKnowledge(kb, kit.tickets);
    agent = kit.agent("Agent Lin");
    customer = kit.customer("陳小姐", Tier.STANDARD).id();
  }

  @AfterEach
  void tearDown() {
    index.close();
    kit.close();
  }

  private Ticket ticket(String title, String description, String product, String version) {
    return kit.tickets.create(
        new TicketDraft(
            TicketType.FAULT_REPORT,
            title,
            description,
            Priority.NORMAL,
            customer,
            null,
            null,
            null,
            null,
            null,
            null,
            product,
            version,
            null),
        agent);
  }

  private StoredArticle published(
      String title, String resolution, String product, List<String> versions, String fixedIn) {
    StoredArticle created =
        kb.create(
            new ArticleDraft(
                title,
                null,
                null,
                resolution,
                product,
                versions,
                fixedIn,
                null,
                Language.EN,
                Visibility.PUBLIC,
                null),
            agent);
    StoredArticle published = kb.publish(created.id(), agent);
    // Searchable within the refresh period anyway (KnowledgeBaseServiceTest); here, at once.
    index.refreshNow();
    return published;
  }

  private static List<String> titles(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::title).toList();
  }

  @Test
  void aResolvedTicketBecomesADraftArticleForAnAuthorToFinish() {
    Ticket ticket =
        ticket(
            "Handset restarts during calls",
            "The desk phone reboots a few minutes into every call.",
            "desk-phone",
            "3.1");
    kit.workflow.changeStatus(
        ticket.id(), StatusChange.resolve("Replaced the power adapter with a 2 A one."), agent);

    StoredArticle draft = ticketKnowledge.draftFromTicket(ticket.id(), agent);

    assertThat(draft.status()).isEqualTo(ArticleStatus.DRAFT);
    assertThat(draft.content().visibility()).isEqualTo(Visibility.INTERNAL);
    assertThat(draft.content().title()).isEqualTo("Handset restarts during calls");
    assertThat(draft.content().symptom())
        .isEqualTo("The desk phone reboots a few minutes into every call.");
    assertThat(draft.content().resolution())
        .isEqualTo("Replaced the power adapter with a 2 A one.");
    assertThat(draft.content().product()).isEqualTo("desk-phone");
    assertThat(draft.content().versions()).containsExactly("3.1");
    assertThat(draft.sourceTicketId()).isEqualTo(ticket.id());
    assertThat(kb.history(draft.id()))
        .extracting(ArticleVersion::change)
        .containsExactly("drafted from ticket");
  }

  @Test
  void anUnresolvedTicketMakesNoDraft() {
    Ticket ticket = ticket("Handset restarts", null, null, null);

    assertThatThrownBy(() -> ticketKnowledge.draftFromTicket(ticket.id(), agent))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("only resolved tickets");
    assertThatThrownBy(() -> ticketKnowledge.draftFromTicket(999_999, agent))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aTicketGetsArticlesThatDescribeItsFaultInOtherWords() {
    published("Voicemail PIN forgotten", "Dial *98 and choose option 5.", null, null, null);
    published(
        "Handset reboots in the middle of a conversation",
        "Replace the power adapter.",
        null,
        null,
        null);
    published("Download an invoice as PDF", "Open Billing and press Download.", null, null, null);
    Ticket ticket = ticket("Phone restarts by itself while I am talking", null, null, null);

    assertThat(titles(ticketKnowledge.suggestForTicket(ticket.id(), 3)))
        .first()
        .isEqualTo("Handset reboots in the middle of a conversation");
  }

  @Test
  void aCustomerOnAnOldVersionSeesTheFixFirst() {
    published(
        "Router reboots randomly", "Check the power supply and cables.", "router", null, null);
    published(
        "Router reboots randomly on firmware 2.1",
        "Known issue in 2.0 and 2.1, fixed in 2.2: upgrade the firmware.",
        "router",
        List.of("2.0", "2.1"),
        "2.2");

    var onOld =
        ticketKnowledge.suggest(
            new TicketKnowledge.Problem("router reboots randomly", null, null, "router", "2.1"), 5);
    var anyVersion =
        ticketKnowledge.suggest(
            new TicketKnowledge.Problem("router reboots randomly", null, null, "router", null), 5);
    var onFixed =
        ticketKnowledge.suggest(
            new TicketKnowledge.Problem("router reboots randomly", null, null, "router", "2.2"), 5);

    assertThat(titles(anyVersion)).first().isEqualTo("Router reboots randomly");
    assertThat(titles(onOld)).first().isEqualTo("Router reboots randomly on firmware 2.1");
    // Already fixed in 2.2: the known issue no longer applies to this customer.
    assertThat(titles(onFixed)).first().isEqualTo("Router reboots randomly");
  }

  @Test
  void feedbackIsCountedOncePerReaderAndSolvedLinksOncePerTicket() {
    StoredArticle article = published("Voicemail PIN forgotten", "Dial *98.", null, null, null);
    long otherAgent = kit.agent("Agent Wang");
    Ticket first = ticket("PIN", null, null, null);
    Ticket second = ticket("PIN again", null, null, null);

    kb.feedback(article.id(), FeedbackKind.HELPFUL, null, agent);
    kb.feedback(article.id(), FeedbackKind.HELPFUL, null, agent);
    kb.feedback(article.id(), FeedbackKind.HELPFUL, null, otherAgent);
    kb.feedback(article.id(), FeedbackKind.NOT_HELPFUL, first.id(), otherAgent);
    ticketKnowledge.solved(article.id(), first.id(), agent);
    ticketKnowledge.solved(article.id(), first.id(), otherAgent);
    FeedbackCounts counts = ticketKnowledge.solved(article.id(), second.id(), agent);

    assertThat(counts).isEqualTo(new FeedbackCounts(article.id(), 2, 1, 2));
    assertThat(kb.feedbackCounts(article.id())).isEqualTo(counts);
    assertThat(kb.solvedBy(first.id())).extracting(StoredArticle::id).containsExactly(article.id());
    assertThatThrownBy(() -> ticketKnowledge.solved(article.id(), 999_999, agent))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void articlesThatSolvedTicketsWinTiesButNeverBeatABetterAnswer() {
    StoredArticle first = published("Printer paper jam", "Open the rear tray.", null, null, null);
    StoredArticle twin = published("Printer paper jam", "Open the rear tray.", null, null, null);
    StoredArticle voicemail =
        published("Reset a forgotten voicemail PIN", "Dial *98.", null, null, null);
    StoredArticle printerReset =
        published("Reset the printer", "Hold the power button.", null, null, null);
    index.refreshNow();
    assertThat(ids("printer paper jam")).startsWith(first.id(), twin.id());

    ticketKnowledge.solved(twin.id(), ticket("jam", null, null, null).id(), agent);
    for (int i = 0; i < 10; i++) {
      ticketKnowledge.solved(printerReset.id(), ticket("reset " + i, null, null, null).id(), agent);
    }

    assertThat(ids("printer paper jam")).startsWith(twin.id(), first.id());
    assertThat(ids("reset my forgotten voicemail PIN")).first().isEqualTo(voicemail.id());
  }

  private List<Long> ids(String text) {
    return kb.search(SearchRequest.of(text)).hits().stream()
        .map(h -> Long.parseLong(h.articleId()))
        .toList();
  }
}
