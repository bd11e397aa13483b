package dev.callcenter.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The highlighter of one page of hits, given what the page already has: the hits' texts, loaded
 * once with the rest of their stored fields (Lucene's own highlighter loads every hit's document a
 * second time), and the index's field infos, merged once per searcher (Lucene merges them across
 * every segment for each highlighter).
 */
final class Snippets extends UnifiedHighlighter {
  private final FieldInfos fieldInfos;
  private final Map<Integer, String> texts;

  /**
   * @param texts each hit's text of the one field highlighted, by document id
   */
  Snippets(Builder builder, FieldInfos fieldInfos, Map<Integer, String> texts) {
    super(builder);
    this.fieldInfos = fieldInfos;
    this.texts = texts;
  }

  @Override
  protected FieldInfo getFieldInfo(String field) {
    return fieldInfos.fieldInfo(field);
  }

  @Override
  protected List<CharSequence[]> loadFieldValues(
      String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) {
    if (fields.length != 1) {
      throw new IllegalArgumentException("one field at a time, not " + fields.length);
    }
    List<CharSequence[]> values = new ArrayList<>();
    try {
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        String text = texts.get(doc);
        values.add(new CharSequence[] {text == null ? "" : text});
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return values;
  }
}
