package dev.callcenter.kb.search;

import java.io.Reader;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analysers of the knowledge index, one per language plus the type-ahead pair. */
final class Analyzers {
  /** Longest title-word prefix the type-ahead index holds; longer prefixes find nothing. */
  static final int MAX_SUGGEST_PREFIX = 24;

  private Analyzers() {}

  static Analyzer english() {
    return new EnglishAnalyzer();
  }

  /**
   * Chinese: Traditional folded to Simplified before tokenising, then one token per Han character
   * (StandardTokenizer), which measured better than word segmentation on our data.
   */
  static Analyzer chinese() {
    return chinese(true);
  }

  /** {@link #chinese()}, with or without the Taiwan-phrase folding. */
  static Analyzer chinese(boolean phrases) {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new TraditionalToSimplifiedCharFilter(reader, phrases);
      }

      @Override
      protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new TraditionalToSimplifiedCharFilter(reader, phrases);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(tokenizer));
        return new TokenStreamComponents(tokenizer, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(new CJKWidthFilter(in));
      }
    };
  }

  /** Type-ahead, index side: every prefix of every title word, both Chinese scripts folded. */
  static Analyzer suggestIndex() {
    return suggest(true, true);
  }

  /** Type-ahead, query side: the typed words as they are, folded like the index side. */
  static Analyzer suggestQuery() {
    return suggest(false, true);
  }

  private static Analyzer suggest(boolean prefixes, boolean phrases) {
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new TraditionalToSimplifiedCharFilter(reader, phrases);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(new CJKWidthFilter(tokenizer));
        if (prefixes) {
          stream = new EdgeNGramTokenFilter(stream, 1, MAX_SUGGEST_PREFIX, true);
        }
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  /** Index-side analyser routing each field to its language's analyser. */
  static Analyzer perField(boolean phrases) {
    Analyzer chinese = chinese(phrases);
    return new PerFieldAnalyzerWrapper(
        english(),
        Map.of(
            Fields.TITLE_ZH, chinese,
            Fields.BODY_ZH, chinese,
            Fields.TITLE_SUGGEST, suggestIndex()));
  }
}
