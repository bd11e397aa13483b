package dev.callcenter.kb.article;

import dev.callcenter.kb.Language;
import dev.callcenter.kb.Visibility;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Reading the columns that articles, their versions and their revisions share. */
final class ArticleRows {

  private ArticleRows() {}

  static ArticleDraft content(ResultSet rs, String externalId) throws SQLException {
    return new ArticleDraft(
        rs.getString("title"),
        rs.getString("symptom"),
        rs.getString("cause"),
        rs.getString("resolution"),
        rs.getString("product"),
        strings(rs.getArray("versions")),
        rs.getString("fixed_in_version"),
        strings(rs.getArray("tags")),
        Language.ofTag(rs.getString("language")),
        Visibility.valueOf(rs.getString("visibility")),
        externalId);
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
