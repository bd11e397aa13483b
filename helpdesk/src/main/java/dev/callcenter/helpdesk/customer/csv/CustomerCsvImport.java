package dev.callcenter.helpdesk.customer.csv;

import static dev.callcenter.helpdesk.customer.csv.CsvColumns.invalid;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerKind;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.Phone;
import dev.callcenter.helpdesk.customer.PhoneInput;
import dev.callcenter.helpdesk.customer.PhoneType;
import dev.callcenter.helpdesk.db.Transactions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports customers from a UTF-8 CSV file, creating new ones and updating (merging into) those
 * whose external_ref is stored; the file format and the rules are described in {@link
 * dev.callcenter.helpdesk.customer.csv the package documentation}.
 */
public final class CustomerCsvImport {

  public static final int DEFAULT_MAX_ROWS = 100_000;

  /** Errors beyond this many are counted in {@link CsvImportResult#failed()} but not listed. */
  public static final int MAX_REPORTED_ERRORS = 1000;

  private static final Logger log = LoggerFactory.getLogger(CustomerCsvImport.class);
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；]");
  private static final Pattern PHONE_INDEX = Pattern.compile("phones\\[(\\d+)]\\.number");
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final CustomerService customers;
  private final CustomerRepository repository;
  private final Transactions transactions;
  private final int maxRows;

  public CustomerCsvImport(
      CustomerService customers, CustomerRepository repository, Transactions transactions) {
    this(customers, repository, transactions, DEFAULT_MAX_ROWS);
  }

  /**
   * @param maxRows the most data rows a file may have; a longer file is rejected before any row is
   *     stored
   */
  public CustomerCsvImport(
      CustomerService customers,
      CustomerRepository repository,
      Transactions transactions,
      int maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
    }
    this.customers = customers;
    this.repository = repository;
    this.transactions = transactions;
    this.maxRows = maxRows;
  }

  /**
   * Imports an uploaded file given as a stream: it is copied to a temporary file (needed for the
   * checking pass), which is deleted afterwards.
   */
  public CsvImportResult importStream(InputStream csv) {
    Path spool = null;
    try {
      spool = Files.createTempFile("customer-import-", ".csv");
      Files.copy(csv, spool, StandardCopyOption.REPLACE_EXISTING);
      return importFile(spool);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot spool the uploaded customer file", e);
    } finally {
      if (spool != null) {
        try {
          Files.deleteIfExists(spool);
        } catch (IOException e) {
          log.warn("Cannot delete the temporary import file {}: {}", spool, e.getMessage());
        }
      }
    }
  }

  /**
   * Imports the file; see the class description for the columns and the upsert rule.
   *
   * @throws HelpdeskException (invalid) before storing anything when the file is empty, not UTF-8,
   *     badly quoted, has more than the maximum rows, or its header has unknown, duplicate or
   *     missing columns
   */
  public CsvImportResult importFile(Path csv) {
    int rows = check(csv);
    log.info("Importing {} customer rows from {}", rows, csv.getFileName());
    Counts counts = new Counts();
    read(
        csv,
        (columns, records) -> {
          while (records.hasNext()) {
            CSVRecord record = records.next();
            if (!CsvColumns.isBlank(record)) {
              importRow(columns, record, counts);
            }
          }
          return null;
        });
    CsvImportResult result =
        new CsvImportResult(
            counts.read, counts.created, counts.updated, counts.failed, counts.errors);
    log.info(
        "Customer import from {}: {} rows, {} created, {} updated, {} failed",
        csv.getFileName(),
        result.rowsRead(),
        result.created(),
        result.updated(),
        result.failed());
    return result;
  }

  /** The checking pass: header, encoding, quoting; returns the number of non-blank data rows. */
  private int check(Path csv) {
    return read(
        csv,
        (columns, records) -> {
          int rows = 0;
          while (records.hasNext()) {
            if (!CsvColumns.isBlank(records.next()) && ++rows > maxRows) {
              throw invalid(
                  "csv_too_many_rows",
                  "The file has more than "
                      + maxRows
                      + " data rows; split it into files of at most "
                      + maxRows
                      + " rows",
                  Map.of("maxRows", maxRows));
            }
          }
          return rows;
        });
  }

  /** What to do with the records after the header. */
  private interface Pass<T> {
    T run(CsvColumns columns, Iterator<CSVRecord> records);
  }

  private static <T> T read(Path csv, Pass<T> pass) {
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      skipByteOrderMark(reader);
      CSVParser parser = FORMAT.parse(reader);
      Iterator<CSVRecord> records = parser.iterator();
      try {
        CSVRecord header = records.hasNext() ? records.next() : null;
        if (header == null || CsvColumns.isBlank(header)) {
          throw invalid(
              "csv_missing_header",
              header == null
                  ? "The file is empty; its first row must name the columns"
                  : "The first row is empty; it must name the columns",
              Map.of());
        }
        return pass.run(CsvColumns.of(header), records);
      } catch (UncheckedIOException e) {
        throw unreadable(e.getCause(), parser.getRecordNumber() + 1);
      }
    } catch (IOException e) {
      throw unreadable(e, 0);
    }
  }

  private static void skipByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
  }

  private static RuntimeException unreadable(IOException e, long row) {
    String where = row > 0 ? " at row " + row : "";
    if (e instanceof CharacterCodingException) {
      return invalid(
          "csv_not_utf8",
          "The file is not UTF-8 text"
              + where
              + "; save it as \"CSV UTF-8\" (Excel) or convert it from Big5/GBK to UTF-8",
          Map.of("row", row));
    }
    if (e instanceof CSVException) {
      return invalid(
          "csv_malformed",
          "The file is not valid CSV" + where + ": " + e.getMessage(),
          Map.of("row", row));
    }
    return new UncheckedIOException("Cannot read the customer import file", e);
  }

  /** Stores one row in its own transaction, or records why it could not be stored. */
  private void importRow(CsvColumns columns, CSVRecord record, Counts counts) {
    long row = record.getRecordNumber();
    counts.read++;
    if (record.size() != columns.size()) {
      counts.fail(
          new CsvRowError(
              row,
              null,
              "has "
                  + record.size()
                  + " columns but the header has "
                  + columns.size()
                  + "; a value containing a comma must be in double quotes"));
      return;
    }
    try {
      Outcome outcome = transactions.inTransaction(() -> store(columns, record));
      switch (outcome) {
        case CREATED -> counts.created++;
        case UPDATED -> counts.updated++;
      }
    } catch (ValidationException e) {
      counts.fail(new CsvRowError(row, column(e.field()), (String) e.details().get("reason")));
    } catch (HelpdeskException e) {
      Object field = e.details().get("field");
      counts.fail(
          new CsvRowError(row, field == null ? null : column(field.toString()), e.getMessage()));
    } catch (RuntimeException e) {
      log.error(
          "Customer import stopped at row {} after {} created and {} updated",
          row,
          counts.created,
          counts.updated,
          e);
      throw e;
    }
  }

  private enum Outcome {
    CREATED,
    UPDATED
  }

  /** Builds the draft from the row, merged over the stored customer on update, and stores it. */
  private Outcome store(CsvColumns columns, CSVRecord record) {
    String externalRef = columns.cell(record, CsvColumns.EXTERNAL_REF);
    Optional<Customer> existing =
        externalRef == null
            ? Optional.empty()
            : repository.findIdByExternalRef(externalRef).map(customers::get);
    Customer old = existing.orElse(null);

    String kindCell = columns.cell(record, CsvColumns.KIND);
    CustomerKind kind = kindCell != null ? kind(kindCell) : old != null ? old.kind() : null;
    String companyRef = columns.cell(record, CsvColumns.COMPANY_REF);
    Long companyId =
        companyRef != null ? company(companyRef) : old != null ? old.companyId() : null;
    List<PhoneInput> phones = phones(columns, record, old);
    String emailsCell = columns.cell(record, CsvColumns.EMAILS);
    List<String> emails =
        emailsCell != null ? split(emailsCell) : old != null ? old.emails() : List.of();
    Map<String, String> attributes = new LinkedHashMap<>();
    if (old != null) {
      attributes.putAll(old.attributes());
    }
    attributes.putAll(columns.attributes(record));
    String valueCell = columns.cell(record, CsvColumns.VALUE_12M);
    BigDecimal value = valueCell != null ? decimal(valueCell) : old != null ? old.value12m() : null;

    CustomerDraft draft =
        new CustomerDraft(
            kind,
            or(columns.cell(record, CsvColumns.NAME), old, Customer::name),
            companyId,
            or(columns.cell(record, CsvColumns.LANGUAGE), old, Customer::language),
            phones,
            emails,
            or(columns.cell(record, CsvColumns.ADDRESS), old, Customer::address),
            or(columns.cell(record, CsvColumns.NOTES), old, Customer::notes),
            attributes,
            value,
            externalRef,
            old != null ? old.version() : null);
    try {
      if (old == null) {
        customers.create(draft);
        return Outcome.CREATED;
      }
      customers.update(old.id(), draft);
      return Outcome.UPDATED;
    } catch (ValidationException e) {
      throw onPhoneColumn(e, draft.phones());
    }
  }

  /** A rejected phone number reported against the CSV column it came from. */
  private static ValidationException onPhoneColumn(ValidationException e, List<PhoneInput> phones) {
    Matcher phone = PHONE_INDEX.matcher(e.field());
    if (!phone.matches()) {
      return e;
    }
    PhoneType type = phones.get(Integer.parseInt(phone.group(1))).type();
    String column = CsvColumns.phoneColumn(type);
    return new ValidationException(
        column == null ? "phones" : column, (String) e.details().get("reason"));
  }

  private static String or(String cell, Customer old, Function<Customer, String> stored) {
    return cell != null ? cell : old != null ? stored.apply(old) : null;
  }

  /**
   * The row's phone numbers by type; on update a type whose cell is empty keeps its stored numbers.
   * The type of each number tells the column it came from, for error reports.
   */
  private static List<PhoneInput> phones(CsvColumns columns, CSVRecord record, Customer old) {
    List<PhoneInput> phones = new ArrayList<>();
    for (PhoneType type : PhoneType.values()) {
      String column = CsvColumns.phoneColumn(type);
      String cell = column == null ? null : columns.cell(record, column);
      if (cell != null) {
        for (String number : split(cell)) {
          try {
            phones.add(new PhoneInput(type, number));
          } catch (ValidationException e) {
            throw new ValidationException(column, "'" + number + "' " + e.details().get("reason"));
          }
        }
      } else if (old != null) {
        old.phones().stream()
            .filter(p -> p.type() == type)
            .map(Phone::original)
            .forEach(number -> phones.add(new PhoneInput(type, number)));
      }
    }
    return phones;
  }

  private static List<String> split(String cell) {
    return LIST_SEPARATOR.splitAsStream(cell).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static CustomerKind kind(String cell) {
    for (CustomerKind kind : CustomerKind.values()) {
      if (kind.name().equalsIgnoreCase(cell)) {
        return kind;
      }
    }
    throw new ValidationException(CsvColumns.KIND, "must be PERSON or COMPANY, not '" + cell + "'");
  }

  private Long company(String ref) {
    long id =
        repository
            .findIdByExternalRef(ref)
            .orElseThrow(
                () ->
                    new ValidationException(
                        CsvColumns.COMPANY_REF,
                        "no customer has external_ref '"
                            + ref
                            + "'; the company must already be stored or come on an earlier row"));
    if (repository.kindOf(id).orElse(null) != CustomerKind.COMPANY) {
      throw new ValidationException(
          CsvColumns.COMPANY_REF, "customer '" + ref + "' is a person, not a company");
    }
    return id;
  }

  private static BigDecimal decimal(String cell) {
    try {
      return new BigDecimal(cell);
    } catch (NumberFormatException e) {
      throw new ValidationException(
          CsvColumns.VALUE_12M,
          "'"
              + cell
              + "' is not a decimal number (write 1234.50: a point, no thousands separator)");
    }
  }

  /** The CSV column for a field name of {@link CustomerDraft} or {@link CustomerService}. */
  private static String column(String field) {
    if (field.startsWith("emails")) {
      return CsvColumns.EMAILS;
    }
    if (field.startsWith("attributes.")) {
      return CsvColumns.ATTRIBUTE_PREFIX + field.substring("attributes.".length());
    }
    return switch (field) {
      case "externalRef" -> CsvColumns.EXTERNAL_REF;
      case "companyId" -> CsvColumns.COMPANY_REF;
      case "value12m" -> CsvColumns.VALUE_12M;
      default -> field.toLowerCase(Locale.ROOT);
    };
  }

  /** Running totals of one import. */
  private static final class Counts {
    int read;
    int created;
    int updated;
    int failed;
    final List<CsvRowError> errors = new ArrayList<>();

    void fail(CsvRowError error) {
      failed++;
      if (errors.size() < MAX_REPORTED_ERRORS) {
        errors.add(error);
      }
    }
  }
}
