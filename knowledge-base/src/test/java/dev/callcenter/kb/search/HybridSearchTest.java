package dev.callcenter.kb.search;

import static dev.callcenter.kb.search.TestArticles.article;
import static dev.callcenter.kb.search.TestArticles.english;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.kb.Article;
import dev.callcenter.kb.Language;
import dev.callcenter.kb.embedding.Embedders;
import dev.callcenter.kb.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HybridSearchTest {
  private static final List<Article> ARTICLES =
      List.of(
          english(
              "printer",
              "Printer shows paper jam error",
              "Open the rear tray and remove the stuck sheet, then restart the printer."),
          english(
              "voicemail",
              "Reset a forgotten voicemail PIN",
              "Dial *98, choose option 5 and enter a new code."),
          english(
              "wifi",
              "Laptop cannot connect to the office wireless network",
              "Forget the network, then join it again with your directory password."),
          TestArticles.withProduct(
              english(
                  "invoice",
                  "Download an invoice as PDF",
                  "Open Billing, pick the month and press Download."),
              "billing"),
          article("zh-install", "无法安装软件包", "检查磁盘空间，然后以管理员身份重新运行安装程序。", Language.ZH_CN),
          article("zh-password", "忘记登录密码怎么办", "在登录页面点击忘记密码，按照邮件中的链接重设。", Language.ZH_CN));

  private static KnowledgeIndex hybrid;
  private static KnowledgeIndex lexical;

  @BeforeAll
  static void index() {
    hybrid = KnowledgeIndex.inMemory(SearchConfig.DEFAULTS, TestModels.shared());
    hybrid.reindex(ARTICLES);
    lexical = KnowledgeIndex.inMemory(SearchConfig.DEFAULTS, Embedders.disabled());
    lexical.reindex(ARTICLES);
  }

  @AfterAll
  static void close() {
    hybrid.close();
    lexical.close();
  }

  private static List<String> ids(KnowledgeIndex index, String text) {
    return index.search(SearchRequest.of(text)).hits().stream().map(SearchHit::articleId).toList();
  }

  @Test
  void englishParaphraseWithoutSharedWordsFindsTheArticle() {
    String query = "my notebook won't get on the wifi at work";
    assertThat(lexical.rank(query, SearchFilters.NONE, 10)).doesNotContain("wifi");
    assertThat(ids(hybrid, query)).first().isEqualTo("wifi");
  }

  @Test
  void traditionalChineseParaphraseFindsTheSimplifiedArticle() {
    // Taiwan wording (套件, 程式) against a mainland article (软件包, 程序).
    assertThat(ids(hybrid, "套件裝不起來")).first().isEqualTo("zh-install");
    assertThat(ids(hybrid, "密碼忘了，登不進去")).first().isEqualTo("zh-password");
  }

  @Test
  void filtersApplyToTheVectorSearchToo() {
    SearchFilters billing = SearchFilters.NONE.withProduct("billing");

    assertThat(
            hybrid
                .search(SearchRequest.of("get last month's bill as a file").withFilters(billing))
                .hits())
        .extracting(SearchHit::articleId)
        .containsExactly("invoice");
    assertThat(
            hybrid
                .search(
                    SearchRequest.of("my notebook won't get on the wifi at work")
                        .withFilters(billing))
                .hits())
        .extracting(SearchHit::articleId)
        .doesNotContain("wifi");
  }

  @Test
  void everyHitHasASnippetEvenWithoutSharedWords() {
    SearchHit top =
        hybrid.search(SearchRequest.of("my notebook won't get on the wifi")).hits().get(0);
    assertThat(top.snippet()).contains("Forget the network");
  }

  @Test
  void repeatedQueriesReuseTheCachedEmbedding() {
    long before = TestModels.shared().queryCacheHits();
    ids(hybrid, "sheet stuck inside the printer");
    ids(hybrid, "sheet stuck inside the printer");
    assertThat(TestModels.shared().queryCacheHits()).isGreaterThan(before);
  }

  @Test
  void aQueryAboutNothingInTheKnowledgeBaseFindsNothing() {
    assertThat(ids(hybrid, "recipe for apple strudel with vanilla sauce")).isEmpty();
  }

  @Test
  void aChineseQueryAboutNothingInTheKnowledgeBaseFindsNothing() {
    // A support question the knowledge base does not cover ("the printer keeps jamming"), with no
    // character in common with either Chinese article, so only the vectors could match it.
    String printer = "打印机一直卡纸";
    try (KnowledgeIndex englishThreshold =
        KnowledgeIndex.inMemory(
            SearchConfig.DEFAULTS.withDenseOnlyCosines(0.3f, 0.3f), TestModels.shared())) {
      englishThreshold.reindex(ARTICLES);
      // bge-small-zh finds unrelated Chinese texts this similar: MiniLM's 0.3 lets them through.
      assertThat(ids(englishThreshold, printer)).isNotEmpty();
    }
    assertThat(ids(hybrid, printer)).isEmpty();
  }

  @Test
  void withoutModelsSearchIsLexicalAndStillWorks() {
    assertThat(lexical.hybrid()).isFalse();
    assertThat(ids(lexical, "voicemail PIN")).first().isEqualTo("voicemail");
    assertThat(ids(lexical, "安裝軟體")).first().isEqualTo("zh-install");
  }
}
