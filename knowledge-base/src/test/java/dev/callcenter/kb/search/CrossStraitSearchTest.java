package dev.callcenter.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.kb.Language;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Taiwan and mainland wordings of one thing find each other, in both directions (BM25 only). */
class CrossStraitSearchTest {

  private final KnowledgeIndex index = KnowledgeIndex.inMemory(SearchConfig.DEFAULTS);

  @AfterEach
  void close() {
    index.close();
  }

  @ParameterizedTest(name = "{0} ↔ {1}")
  @CsvSource({
    "如何建立磁碟分割, 如何创建分区",
    "無法開啟檔案, 无法打开文件",
    "找不到函式庫, 找不到程序库",
    "資料遺失, 数据丢失",
    "查看系統紀錄, 查看系统日志",
    "日光節約時間設定錯誤, 夏令时设置错误",
    "資料夾共用失敗, 文件夹共享失败",
  })
  void aTaiwanQueryFindsTheMainlandArticleAndTheReverse(String taiwan, String mainland) {
    index.upsert(TestArticles.article("cn", mainland, "", Language.ZH_CN));
    index.upsert(TestArticles.article("tw", taiwan, "", Language.ZH_TW));
    // Something sharing characters only, so the ranking has a choice to make.
    index.upsert(TestArticles.article("other", "打印机设置与网络错误", "", Language.ZH_CN));
    index.refreshNow();

    assertThat(ids(taiwan, Language.ZH_CN)).first().isEqualTo("cn");
    assertThat(ids(mainland, Language.ZH_TW)).first().isEqualTo("tw");
  }

  private List<String> ids(String query, Language only) {
    return index.rank(query, SearchFilters.NONE.withLanguage(only), 10);
  }

  @Test
  void theFalseFriendFileIsNotTheMainlandArchive() {
    index.upsert(TestArticles.article("file", "文件无法打开", "", Language.ZH_CN));
    index.upsert(TestArticles.article("archive", "档案室借阅规定", "", Language.ZH_CN));
    index.refreshNow();

    // 檔案 (Taiwan: file) folds to 文件, not to 档案 (mainland: archive).
    assertThat(index.rank("檔案", SearchFilters.NONE, 10)).containsExactly("file");
    assertThat(TraditionalToSimplifiedCharFilter.simplified("檔案")).isEqualTo("文件");
  }

  @Test
  void mainlandTextIsNotReadWithTheTaiwanTable() {
    // 文件 is "document" in Taiwan (mainland 文档) but "file" on the mainland; text in
    // Simplified script keeps it.
    assertThat(TraditionalToSimplifiedCharFilter.simplified("打开文件")).isEqualTo("打开文件");
    assertThat(TraditionalToSimplifiedCharFilter.simplified("開啟文件")).isEqualTo("打开文档");
  }

  @Test
  void snippetsShowTheOriginalTaiwanWording() {
    index.upsert(TestArticles.article("tw", "磁碟分割", "請先備份資料，再用磁碟管理建立磁碟分割。", Language.ZH_TW));
    index.refreshNow();

    SearchHit hit = index.search(SearchRequest.of("创建分区")).hits().getFirst();

    assertThat(hit.title()).isEqualTo("磁碟分割");
    assertThat(hit.snippet()).contains("<mark>").contains("磁碟").doesNotContain("分区");
  }
}
