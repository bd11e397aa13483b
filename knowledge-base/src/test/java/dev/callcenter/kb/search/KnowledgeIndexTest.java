package dev.callcenter.kb.search;

import static dev.callcenter.kb.search.TestArticles.article;
import static dev.callcenter.kb.search.TestArticles.english;
import static dev.callcenter.kb.search.TestArticles.withProduct;
import static dev.callcenter.kb.search.TestArticles.withStatus;
import static dev.callcenter.kb.search.TestArticles.withVisibility;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.ArticleStatus;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnowledgeIndexTest {
  private static final Article PRINTER_SIMPLIFIED =
      article("zh-cn-1", "打印机无法连接网络", "请重新启动路由器，然后在打印机设置中选择无线网络。", Language.ZH_CN);
  private static final Article PASSWORD_TRADITIONAL =
      article("zh-tw-1", "密碼重設失敗", "請聯絡系統管理員重設帳號密碼，並確認電子郵件地址正確。", Language.ZH_TW);
  private static final Article HEADSET_TRADITIONAL =
      article("zh-tw-2", "耳機沒有聲音", "檢查耳機插頭是否插好，並在音量設定中取消靜音。", Language.ZH_TW);
  private static final Article VOICEMAIL =
      english(
          "en-1",
          "Reset a forgotten voicemail PIN",
          "Dial *98, choose option 5 and enter a new PIN.");
  private static final Article ROUTER =
      english(
          "en-2",
          "Router keeps rebooting",
          "Replace the power adapter; the router restarts when the voltage drops.");
  private static final Article ROUTER_PASSWORD =
      english("en-3", "Reset router password", "Hold the reset button for ten seconds.");

  private KnowledgeIndex index;

  @BeforeEach
  void openIndex() {
    index = KnowledgeIndex.inMemory(SearchConfig.DEFAULTS);
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  private List<String> ids(SearchPage page) {
    return page.hits().stream().map(SearchHit::articleId).toList();
  }

  @Test
  void traditionalChineseQueryFindsSimplifiedArticle() {
    index.reindex(List.of(PRINTER_SIMPLIFIED, PASSWORD_TRADITIONAL, HEADSET_TRADITIONAL, ROUTER));

    SearchPage page = index.search(SearchRequest.of("印表機無法連接網絡"));

    assertThat(ids(page)).first().isEqualTo("zh-cn-1");
  }

  @Test
  void simplifiedChineseQueryFindsTraditionalArticle() {
    index.reindex(List.of(PRINTER_SIMPLIFIED, PASSWORD_TRADITIONAL, HEADSET_TRADITIONAL, ROUTER));

    assertThat(ids(index.search(SearchRequest.of("密码重设")))).first().isEqualTo("zh-tw-1");
    assertThat(ids(index.search(SearchRequest.of("耳机没有声音")))).first().isEqualTo("zh-tw-2");
  }

  @Test
  void englishQueryIsStemmed() {
    index.reindex(List.of(VOICEMAIL, ROUTER, ROUTER_PASSWORD));

    assertThat(ids(index.search(SearchRequest.of("routers rebooted")))).first().isEqualTo("en-2");
  }

  @Test
  void titleMatchOutranksBodyMatch() {
    Article bodyOnly =
        english("en-4", "Slow calls in the evening", "The router is not the cause of slow calls.");
    index.reindex(List.of(bodyOnly, ROUTER));

    assertThat(ids(index.search(SearchRequest.of("router")))).containsExactly("en-2", "en-4");
  }

  @Test
  void filtersRestrictByProductLanguageVisibilityAndStatus() {
    Article pbx = withProduct(english("p-1", "Router setup for the PBX", "Open port 5060."), "pbx");
    Article internal =
        withVisibility(
            english("v-1", "Router admin console", "Use the admin VLAN."), Visibility.INTERNAL);
    Article archived =
        withStatus(
            english("s-1", "Router firmware 1.0", "Upgrade to 2.0."), ArticleStatus.ARCHIVED);
    Article chinese = article("l-1", "路由器 router 重启", "更换电源适配器。", Language.ZH_CN);
    index.reindex(List.of(ROUTER, pbx, internal, archived, chinese));
    SearchRequest router = SearchRequest.of("router");

    assertThat(ids(index.search(router)))
        .containsExactlyInAnyOrder("en-2", "p-1", "v-1", "s-1", "l-1");
    assertThat(ids(index.search(router.withFilters(SearchFilters.NONE.withProduct("pbx")))))
        .containsExactly("p-1");
    assertThat(
            ids(index.search(router.withFilters(SearchFilters.NONE.withLanguage(Language.ZH_CN)))))
        .containsExactly("l-1");
    assertThat(
            ids(
                index.search(
                    router.withFilters(SearchFilters.NONE.withVisibility(Visibility.INTERNAL)))))
        .containsExactly("v-1");
    assertThat(
            ids(
                index.search(
                    router.withFilters(SearchFilters.NONE.withStatus(ArticleStatus.ARCHIVED)))))
        .containsExactly("s-1");
  }

  @Test
  void publicSearchHidesInternalAndUnpublishedArticles() {
    Article internal =
        withVisibility(
            english("v-1", "Router admin console", "Use the admin VLAN."), Visibility.INTERNAL);
    Article draft =
        withStatus(english("d-1", "Router recall", "Not announced yet."), ArticleStatus.DRAFT);
    Article archived =
        withStatus(
            english("a-1", "Router firmware 1.0", "Upgrade to 2.0."), ArticleStatus.ARCHIVED);
    index.reindex(List.of(ROUTER, internal, draft, archived));

    SearchRequest asksForEverything =
        SearchRequest.of("router")
            .withFilters(
                SearchFilters.NONE
                    .withVisibility(Visibility.INTERNAL)
                    .withStatus(ArticleStatus.DRAFT));

    assertThat(ids(index.searchPublic(SearchRequest.of("router")))).containsExactly("en-2");
    // The public entry point overrides visibility and status filters instead of widening them.
    assertThat(ids(index.searchPublic(asksForEverything))).containsExactly("en-2");
    assertThat(index.suggestPublic("rou", SearchFilters.NONE, 10))
        .extracting(TitleSuggestion::articleId)
        .containsExactly("en-2");
  }

  @Test
  void snippetsMarkMatchesAndEscapeArticleHtml() {
    Article html =
        english(
            "h-1",
            "Softphone shows a blank window",
            "Remove the <script>alert('x')</script> line & restart the softphone with <b>safe</b>"
                + " mode.");
    index.reindex(List.of(html));

    String snippet =
        index.search(SearchRequest.of("restart softphone")).hits().getFirst().snippet();

    assertThat(snippet).contains("<mark>restart</mark>").contains("<mark>softphone</mark>");
    assertThat(snippet).contains("&lt;script&gt;").contains("&amp;").contains("&lt;b&gt;");
    assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
  }

  @Test
  void chineseSnippetsMarkTraditionalTextForSimplifiedQuery() {
    index.reindex(List.of(PASSWORD_TRADITIONAL));

    String snippet = index.search(SearchRequest.of("管理员")).hits().getFirst().snippet();

    assertThat(snippet).contains("<mark>管</mark>").contains("<mark>員</mark>");
  }

  @Test
  void pagesDoNotOverlapAndCountAllHits() {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      articles.add(
          english("r-" + i, "Router problem " + i, "Restart the router " + "again ".repeat(i)));
    }
    index.reindex(articles);

    Set<String> seen = new HashSet<>();
    for (int page = 0; page < 3; page++) {
      SearchPage result = index.search(SearchRequest.of("router").withPage(page, 10));
      assertThat(result.totalHits()).isEqualTo(25);
      assertThat(result.hits()).hasSize(page < 2 ? 10 : 5);
      result.hits().forEach(hit -> assertThat(seen.add(hit.articleId())).isTrue());
    }
    assertThat(index.search(SearchRequest.of("router").withPage(3, 10)).hits()).isEmpty();
  }

  @Test
  void suggestionsCompleteEveryTypedWordPrefix() {
    index.reindex(List.of(VOICEMAIL, ROUTER, ROUTER_PASSWORD, PRINTER_SIMPLIFIED));

    assertThat(index.suggest("rou", SearchFilters.NONE, 10))
        .extracting(TitleSuggestion::articleId)
        .containsExactlyInAnyOrder("en-2", "en-3");
    assertThat(index.suggest("res rou", SearchFilters.NONE, 10))
        .extracting(TitleSuggestion::title)
        .containsExactly("Reset router password");
    assertThat(index.suggest("連接", SearchFilters.NONE, 10))
        .extracting(TitleSuggestion::articleId)
        .containsExactly("zh-cn-1");
    assertThat(index.suggest("  ", SearchFilters.NONE, 10)).isEmpty();
  }

  @Test
  void upsertReplacesAndDeleteRemoves() {
    index.reindex(List.of(ROUTER));

    index.upsert(english("en-2", "Modem keeps rebooting", "Replace the power adapter."));
    index.refreshNow();
    assertThat(ids(index.search(SearchRequest.of("router")))).isEmpty();
    assertThat(ids(index.search(SearchRequest.of("modem")))).containsExactly("en-2");

    index.delete("en-2");
    index.refreshNow();
    assertThat(index.size()).isZero();
  }

  @Test
  void reindexKeepsExactlyTheGivenArticles() {
    index.reindex(List.of(VOICEMAIL, ROUTER));

    index.reindex(
        List.of(english("en-2", "Modem keeps rebooting", "Replace the adapter."), ROUTER_PASSWORD));

    assertThat(index.size()).isEqualTo(2);
    assertThat(ids(index.search(SearchRequest.of("voicemail")))).isEmpty();
    assertThat(ids(index.search(SearchRequest.of("modem")))).containsExactly("en-2");
    assertThat(ids(index.search(SearchRequest.of("router password")))).containsExactly("en-3");
  }

  @Test
  void writtenArticleBecomesSearchableWithinOneSecondWithoutExplicitRefresh() throws Exception {
    index.reindex(List.of(ROUTER));
    Semaphore refreshed = new Semaphore(0);
    index.onRefresh(refreshed::release);

    long start = System.nanoTime();
    index.upsert(VOICEMAIL);
    long deadline = start + Duration.ofSeconds(1).toNanos();
    boolean found = false;
    while (!found && System.nanoTime() < deadline) {
      found = !index.search(SearchRequest.of("voicemail")).hits().isEmpty();
      if (!found) {
        refreshed.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
    }

    assertThat(found).as("searchable within 1 s of the write").isTrue();
  }
}
