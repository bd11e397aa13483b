package dev.callcenter.helpdesk.customer.csv;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.customer.PhoneType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** The validated header row of a customer import file: where each known column is. */
final class CsvColumns {

  static final String EXTERNAL_REF = "external_ref";
  static final String KIND = "kind";
  static final String NAME = "name";
  static final String COMPANY_REF = "company_ref";
  static final String LANGUAGE = "language";
  static final String EMAILS = "emails";
  static final String ADDRESS = "address";
  static final String NOTES = "notes";
  static final String VALUE_12M = "value_12m";
  static final String ATTRIBUTE_PREFIX = "attr:";

  static final List<String> KNOWN = known();

  private static final int MAX_ATTRIBUTE_KEY = 64;
  private static final int MAX_ATTRIBUTES = 50;

  private final int size;
  private final Map<String, Integer> known;
  private final Map<String, Integer> attributes;

  private CsvColumns(int size, Map<String, Integer> known, Map<String, Integer> attributes) {
    this.size = size;
    this.known = known;
    this.attributes = attributes;
  }

  /**
   * Reads the header row; names are matched ignoring case and surrounding spaces.
   *
   * @throws HelpdeskException (invalid) naming unknown, duplicate or missing columns
   */
  static CsvColumns of(CSVRecord header) {
    Map<String, Integer> known = new LinkedHashMap<>();
    Map<String, Integer> attributes = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    List<String> duplicate = new ArrayList<>();
    Map<String, String> seen = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String raw = header.get(i).strip();
      String name = raw.toLowerCase(Locale.ROOT);
      if (seen.put(name, raw) != null) {
        duplicate.add(raw);
      } else if (name.startsWith(ATTRIBUTE_PREFIX)) {
        String key = raw.substring(ATTRIBUTE_PREFIX.length()).strip();
        if (key.isEmpty() || key.length() > MAX_ATTRIBUTE_KEY) {
          throw invalid(
              "csv_bad_attribute_column",
              "Column '"
                  + raw
                  + "': a custom attribute column is attr:<key> with a key of 1 to "
                  + MAX_ATTRIBUTE_KEY
                  + " characters",
              Map.of("column", raw));
        }
        attributes.put(key, i);
      } else if (KNOWN.contains(name)) {
        known.put(name, i);
      } else {
        unknown.add(raw.isEmpty() ? "(column " + (i + 1) + " has no name)" : raw);
      }
    }
    if (!unknown.isEmpty()) {
      throw invalid(
          "csv_unknown_columns",
          "The header row has unknown columns: "
              + String.join(", ", unknown)
              + ". The first row must name the columns; allowed are "
              + String.join(", ", KNOWN)
              + " and attr:<key> for custom attributes",
          Map.of("columns", List.copyOf(unknown), "allowed", KNOWN));
    }
    if (!duplicate.isEmpty()) {
      throw invalid(
          "csv_duplicate_columns",
          "The header row names these columns more than once: " + String.join(", ", duplicate),
          Map.of("columns", List.copyOf(duplicate)));
    }
    if (!known.containsKey(NAME)) {
      throw invalid(
          "csv_missing_column",
          "The header row has no 'name' column; it is required",
          Map.of("columns", List.of(NAME)));
    }
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw invalid(
          "csv_too_many_attributes",
          "The file has " + attributes.size() + " attr: columns; at most " + MAX_ATTRIBUTES,
          Map.of());
    }
    return new CsvColumns(header.size(), known, attributes);
  }

  static HelpdeskException invalid(String code, String message, Map<String, Object> details) {
    return new HelpdeskException(HelpdeskException.Kind.INVALID, code, message, details);
  }

  int size() {
    return size;
  }

  /** The stripped cell of a known column, null when the column is absent or the cell blank. */
  String cell(CSVRecord row, String column) {
    Integer index = known.get(column);
    return index == null ? null : blankToNull(row.get(index));
  }

  /** The non-blank custom attribute cells of the row by key, in header order. */
  Map<String, String> attributes(CSVRecord row) {
    Map<String, String> values = new LinkedHashMap<>();
    attributes.forEach(
        (key, index) -> {
          String value = blankToNull(row.get(index));
          if (value != null) {
            values.put(key, value);
          }
        });
    return values;
  }

  static boolean isBlank(CSVRecord row) {
    for (String value : row) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The column holding numbers of this type, null for OTHER (kept from storage only). */
  static String phoneColumn(PhoneType type) {
    return switch (type) {
      case MOBILE -> "phone_mobile";
      case WORK -> "phone_work";
      case HOME -> "phone_home";
      case FAX -> "phone_fax";
      case OTHER -> null;
    };
  }

  private static List<String> known() {
    List<String> names = new ArrayList<>();
    names.addAll(List.of(EXTERNAL_REF, KIND, NAME, COMPANY_REF, LANGUAGE));
    for (PhoneType type : PhoneType.values()) {
      if (phoneColumn(type) != null) {
        names.add(phoneColumn(type));
      }
    }
    names.addAll(List.of(EMAILS, ADDRESS, NOTES, VALUE_12M));
    return List.copyOf(names);
  }
}
