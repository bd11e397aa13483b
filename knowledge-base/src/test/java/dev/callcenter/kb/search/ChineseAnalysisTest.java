package dev.callcenter.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class ChineseAnalysisTest {
  private final Analyzer chinese = Analyzers.chinese();

  private record Token(String term, int start, int end) {}

  private List<Token> tokens(String text) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = chinese.tokenStream(Fields.BODY_ZH, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    }
    return tokens;
  }

  @Test
  void traditionalAndSimplifiedGiveTheSameTerms() throws IOException {
    assertThat(tokens("網絡連接失敗").stream().map(Token::term))
        .containsExactly("网", "络", "连", "接", "失", "败");
    assertThat(tokens("网络连接失败").stream().map(Token::term))
        .containsExactly("网", "络", "连", "接", "失", "败");
  }

  @Test
  void offsetsPointIntoTheOriginalText() throws IOException {
    String text = "請重設 VoIP 密碼";

    List<Token> tokens = tokens(text);

    assertThat(tokens)
        .containsExactly(
            new Token("请", 0, 1),
            new Token("重", 1, 2),
            new Token("设", 2, 3),
            new Token("voip", 4, 8),
            new Token("密", 9, 10),
            new Token("码", 10, 11));
  }

  @Test
  void fullWidthLatinIsFolded() throws IOException {
    assertThat(tokens("ＶｏＩＰ").stream().map(Token::term)).containsExactly("voip");
  }
}
