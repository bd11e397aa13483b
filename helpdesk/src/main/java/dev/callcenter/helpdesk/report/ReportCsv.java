package dev.callcenter.helpdesk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads Chinese names),
 * RFC 4180 quoting and CRLF, every table as a block (its code on a line, then its header and rows,
 * then an empty line), and text cells that a spreadsheet would run as a formula made inert.
 */
public final class ReportCsv {

  private ReportCsv() {}

  /** The byte order mark that starts the file. */
  public static final String BOM = "\uFEFF";

  public static String write(Report report) {
    StringBuilder out = new StringBuilder(BOM);
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
      boolean first = true;
      for (Report.Table t : report.tables()) {
        if (!first) {
          csv.println();
        }
        first = false;
        csv.printRecord(safe(report.name() + "." + t.code()));
        csv.printRecord(t.columns().stream().map(Report.Column::code).toList());
        for (List<Object> row : t.rows()) {
          List<String> cells = new ArrayList<>(row.size());
          for (Object v : row) {
            cells.add(cell(v));
          }
          csv.printRecord(cells);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      // Plain digits, full precision, a dot: numbers stay numbers and never look like formulas.
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number) {
      return v.toString();
    }
    return safe(v.toString());
  }

  /**
   * Text that starts with {@code = + - @} (or a tab or carriage return, which some spreadsheets
   * skip before one) gets a leading apostrophe, OWASP's advice against CSV injection.
   */
  static String safe(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
