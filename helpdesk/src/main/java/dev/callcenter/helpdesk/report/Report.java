package dev.callcenter.helpdesk.report;

import java.util.List;
import java.util.Map;

/**
 * One report as the API, the pages and the CSV export see it: named tables of typed columns. The
 * page and the CSV header use the column codes; the page translates them.
 *
 * @param name the report's code ({@code calls}, {@code sla} …)
 * @param parameters what it was computed with (period, zone, thresholds …)
 * @param ignoredFilters filters given that this report cannot apply, by name
 */
public record Report(
    String name, Map<String, Object> parameters, List<String> ignoredFilters, List<Table> tables) {

  public Report {
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    ignoredFilters = List.copyOf(ignoredFilters);
    tables = List.copyOf(tables);
  }

  /** The table with this code. */
  public Table table(String code) {
    return tables.stream()
        .filter(t -> t.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + code));
  }

  /** What a column holds, so pages format it and CSV writes it plainly. */
  public enum Type {
    TEXT,
    INTEGER,
    DECIMAL,
    /** A share from 0 to 1 (null when its denominator is zero). */
    RATIO,
    SECONDS,
    INSTANT,
    DATE
  }

  public record Column(String code, Type type) {}

  /**
   * Rows of values (String, Long, Double, Instant, LocalDate or null), one per row, in column
   * order.
   */
  public record Table(String code, List<Column> columns, List<List<Object>> rows) {
    public Table {
      columns = List.copyOf(columns);
      rows =
          rows.stream()
              .map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r)))
              .toList();
      for (List<Object> r : rows) {
        if (r.size() != columns.size()) {
          throw new IllegalArgumentException(code + ": row of " + r.size() + " values");
        }
      }
    }

    /** The value in the first row whose first column equals {@code key}. */
    public Object value(String key, String column) {
      int c = index(column);
      return rows.stream()
          .filter(r -> key.equals(r.get(0)))
          .findFirst()
          .map(r -> r.get(c))
          .orElseThrow(() -> new IllegalArgumentException(code + ": no row " + key));
    }

    public int index(String column) {
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).code().equals(column)) {
          return i;
        }
      }
      throw new IllegalArgumentException(code + ": no column " + column);
    }
  }

  /** Builds a table row by row. */
  public static final class Builder {
    private final String code;
    private final List<Column> columns = new java.util.ArrayList<>();
    private final List<List<Object>> rows = new java.util.ArrayList<>();

    public Builder(String code) {
      this.code = code;
    }

    public Builder column(String code, Type type) {
      columns.add(new Column(code, type));
      return this;
    }

    public Builder row(Object... values) {
      rows.add(java.util.Arrays.asList(values));
      return this;
    }

    public Table build() {
      return new Table(code, columns, rows);
    }
  }

  /** {@code part ÷ whole}, null when the whole is zero. */
  public static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
