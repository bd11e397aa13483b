package dev.callcenter.helpdesk.customer.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.callcenter.helpdesk.HelpdeskException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.customer.CallerLookup;
import dev.callcenter.helpdesk.customer.Customer;
import dev.callcenter.helpdesk.customer.CustomerDraft;
import dev.callcenter.helpdesk.customer.CustomerKind;
import dev.callcenter.helpdesk.customer.CustomerRepository;
import dev.callcenter.helpdesk.customer.CustomerService;
import dev.callcenter.helpdesk.customer.CustomerSummary;
import dev.callcenter.helpdesk.customer.JdbiCustomerRepository;
import dev.callcenter.helpdesk.customer.Phone;
import dev.callcenter.helpdesk.customer.PhoneInput;
import dev.callcenter.helpdesk.customer.PhoneType;
import dev.callcenter.helpdesk.customer.Tier;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.db.JdbiTransactions;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import dev.callcenter.helpdesk.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerCsvImportTest {

  private static Database db;
  private static JdbiCustomerRepository repository;
  private static CustomerService customers;
  private static CustomerCsvImport importer;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.fresh(4);
    repository = new JdbiCustomerRepository(db.jdbi());
    customers = new CustomerService(repository, new PhoneNormalizer("TW"));
    importer = importer(CustomerCsvImport.DEFAULT_MAX_ROWS);
  }

  private static CustomerCsvImport importer(int maxRows) {
    return new CustomerCsvImport(customers, repository, new JdbiTransactions(db.jdbi()), maxRows);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private Path file(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private static Customer byRef(String externalRef) {
    return customers.get(repository.findIdByExternalRef(externalRef).orElseThrow());
  }

  private static int customerCount() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("select count(*) from customer").mapTo(Integer.class).one());
  }

  @Test
  void goodRowsAreStoredAndEachBadRowIsReportedWithItsRowAndColumnAndStoresNothing()
      throws IOException {
    String csv =
        "\uFEFF"
            + "External_Ref,kind,name,company_ref,language,phone_mobile,phone_work,emails,address,"
            + "notes,value_12m,attr:vip_level\r\n"
            // row 2: a company
            + "A-C001,COMPANY,台灣電子股份有限公司,,zh-TW,,02-2345-6789,info@tw-elec.com.tw,"
            + "\"台北市信義區, 信義路五段7號\",,1000000,gold\r\n"
            // row 3: a person of that company, two numbers, two e-mails, a note over two lines
            + "A-P001,,陳小明,A-C001,,0912-345-678;0922-333-444,,ming@example.com; chen@example.com,,"
            + "\"first line\r\nsecond, with a comma\",12.50,\r\n"
            // row 4: the second phone number is bad
            + "A-P002,person,王大同,,en,0912-111-222;call me maybe,,,,,,\r\n"
            // row 5: no name
            + "A-P003,,,,,,,,,,,\r\n"
            // row 6: unsupported language
            + "A-P004,,林美華,,fr,,,,,,,\r\n"
            // row 7: a company nobody has
            + "A-P005,,張志豪,NO-SUCH-CO,,,,,,,,\r\n"
            // row 8: same external_ref as row 3: updates the customer row 3 created
            + "A-P001,,陳小明 (updated),,,,03-555-1234,,,,,silver\r\n"
            // row 9: a comma too many
            + "A-P006,,李大華,,,,,,,,,,extra\r\n"
            // row 10: blank, skipped but counted as a spreadsheet row
            + "\r\n"
            // row 11: a bad number in the value column
            + "A-P007,,黃小玲,,,,,,,,\"1,000\",\r\n"
            // row 12: a person named as company
            + "A-P008,,吳明,A-P001,,,,,,,,\r\n"
            // row 13: fine, a simplified-Chinese customer without external_ref
            + ",,张伟,,zh-cn,+86 138 0013 8000,,,,,,\r\n"
            + "\r\n\r\n";
    int before = customerCount();

    CsvImportResult result = importer.importFile(file("mixed.csv", csv));

    assertThat(result.errors())
        .extracting(CsvRowError::row, CsvRowError::field)
        .containsExactly(
            tuple(4L, "phone_mobile"),
            tuple(5L, "name"),
            tuple(6L, "language"),
            tuple(7L, "company_ref"),
            tuple(9L, null),
            tuple(11L, "value_12m"),
            tuple(12L, "company_ref"));
    assertThat(result.errors().getFirst().reason()).contains("call me maybe");
    assertThat(result.errors().get(3).reason()).contains("NO-SUCH-CO");
    assertThat(result.errors().get(4).reason()).contains("13 columns").contains("12");
    assertThat(result.rowsRead()).isEqualTo(11);
    assertThat(result.created()).isEqualTo(3);
    assertThat(result.updated()).isEqualTo(1);
    assertThat(result.failed()).isEqualTo(7);
    assertThat(customerCount()).isEqualTo(before + 3);

    Customer company = byRef("A-C001");
    assertThat(company.kind()).isEqualTo(CustomerKind.COMPANY);
    assertThat(company.address()).isEqualTo("台北市信義區, 信義路五段7號");
    assertThat(company.value12m()).isEqualByComparingTo("1000000");
    assertThat(company.attributes()).containsExactly(Map.entry("vip_level", "gold"));

    Customer person = byRef("A-P001");
    assertThat(person.name()).isEqualTo("陳小明 (updated)");
    assertThat(person.companyId()).isEqualTo(company.id());
    assertThat(person.language()).isEqualTo("zh-TW");
    assertThat(person.phones())
        .extracting(Phone::type, Phone::e164)
        .containsExactly(
            tuple(PhoneType.MOBILE, "+886912345678"),
            tuple(PhoneType.MOBILE, "+886922333444"),
            tuple(PhoneType.WORK, "+88635551234"));
    assertThat(person.emails()).containsExactly("ming@example.com", "chen@example.com");
    assertThat(person.notes()).isEqualTo("first line\r\nsecond, with a comma");
    assertThat(person.value12m()).isEqualByComparingTo("12.50");
    assertThat(person.attributes()).containsExactly(Map.entry("vip_level", "silver"));
    assertThat(person.version()).isEqualTo(2);

    assertThat(customers.search("张伟", 10, 0))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.language()).isEqualTo("zh-CN");
            });

    for (String rejected : List.of("A-P002", "A-P003", "A-P004", "A-P005", "A-P006", "A-P007")) {
      assertThat(repository.findIdByExternalRef(rejected)).as(rejected).isEmpty();
    }
    assertThat(repository.findIdByExternalRef("A-P008")).isEmpty();
    assertThat(customers.lookup("0912-111-222").result())
        .as("the good first number of the rejected row is not stored either")
        .isEqualTo(CallerLookup.Result.UNKNOWN);
  }

  @Test
  void aRowFailingAfterItsInsertIsRolledBackAndTheNextRowsAreStored() throws IOException {
    CustomerRepository failAfterInsert = new FailingAfterInsert(repository, "I-BAD");
    CustomerCsvImport failing =
        new CustomerCsvImport(
            new CustomerService(failAfterInsert, new PhoneNormalizer("TW")),
            failAfterInsert,
            new JdbiTransactions(db.jdbi()),
            10);
    Path csv =
        file(
            "rollback.csv",
            "external_ref,name,phone_mobile\nI-BAD,Ivy,0955-000-001\nI-OK,Ian,0955-000-002\n");

    CsvImportResult result = failing.importFile(csv);

    assertThat(result.errors())
        .extracting(CsvRowError::row, CsvRowError::reason)
        .containsExactly(tuple(2L, "simulated failure after the insert"));
    assertThat(result.created()).isEqualTo(1);
    assertThat(repository.findIdByExternalRef("I-BAD")).isEmpty();
    assertThat(customers.lookup("0955-000-001").result()).isEqualTo(CallerLookup.Result.UNKNOWN);
    assertThat(byRef("I-OK").phones()).hasSize(1);
  }

  @Test
  void importingTheSameFileAgainUpdatesInsteadOfDuplicating() throws IOException {
    Path csv =
        file(
            "again.csv",
            "external_ref,name,phone_mobile\nB-1,Alice,0911-000-001\nB-2,Bob,0911-000-002\n");

    CsvImportResult first = importer.importFile(csv);
    int afterFirst = customerCount();
    CsvImportResult second = importer.importFile(csv);

    assertThat(first.created()).isEqualTo(2);
    assertThat(second.created()).isZero();
    assertThat(second.updated()).isEqualTo(2);
    assertThat(second.errors()).isEmpty();
    assertThat(customerCount()).isEqualTo(afterFirst);
    assertThat(byRef("B-1").phones()).hasSize(1);
  }

  @Test
  void updateKeepsWhatTheRowLeavesEmptyAndABadUpdateChangesNothing() throws IOException {
    Customer stored =
        customers.create(
            new CustomerDraft(
                CustomerKind.PERSON,
                "Carol",
                null,
                "en",
                List.of(
                    new PhoneInput(PhoneType.MOBILE, "0933-000-111"),
                    new PhoneInput(PhoneType.OTHER, "0800-000-123")),
                List.of("carol@example.com"),
                "Taipei",
                "keep me",
                Map.of("segment", "retail"),
                new BigDecimal("99"),
                "C-1",
                null));
    Path csv =
        file(
            "update.csv",
            "external_ref,name,phone_mobile,emails,notes,attr:tier_hint\n"
                + "C-1,,0933-000-222,,,hot\n"
                + "C-1,Carol Changed,,not-an-email,,\n");

    CsvImportResult result = importer.importFile(csv);

    assertThat(result.updated()).isEqualTo(1);
    assertThat(result.errors())
        .extracting(CsvRowError::row, CsvRowError::field)
        .containsExactly(tuple(3L, "emails"));
    Customer after = customers.get(stored.id());
    assertThat(after.name()).isEqualTo("Carol");
    assertThat(after.language()).isEqualTo("en");
    assertThat(after.phones())
        .extracting(Phone::type, Phone::original)
        .containsExactly(
            tuple(PhoneType.MOBILE, "0933-000-222"), tuple(PhoneType.OTHER, "0800-000-123"));
    assertThat(after.emails()).containsExactly("carol@example.com");
    assertThat(after.address()).isEqualTo("Taipei");
    assertThat(after.notes()).isEqualTo("keep me");
    assertThat(after.value12m()).isEqualByComparingTo("99");
    assertThat(after.attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("segment", "retail", "tier_hint", "hot"));
  }

  @Test
  void unknownColumnsRejectTheFileUpFrontNamingThem() throws IOException {
    Path csv = file("unknown.csv", "name,Phone,fax_number,external_ref\nDan,1,2,D-1\n");

    assertThatThrownBy(() -> importer.importFile(csv))
        .isInstanceOfSatisfying(
            HelpdeskException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(HelpdeskException.Kind.INVALID);
              assertThat(e.code()).isEqualTo("csv_unknown_columns");
              assertThat(e.details().get("columns")).isEqualTo(List.of("Phone", "fax_number"));
            })
        .hasMessageContaining("Phone, fax_number");
    assertThat(repository.findIdByExternalRef("D-1")).isEmpty();
  }

  @Test
  void fileWithMoreRowsThanAllowedIsRejectedBeforeAnyRowIsStored() throws IOException {
    Path csv = file("big.csv", "external_ref,name\nE-1,a\nE-2,b\n\nE-3,c\nE-4,d\n");

    assertThatThrownBy(() -> importer(3).importFile(csv))
        .isInstanceOfSatisfying(
            HelpdeskException.class, e -> assertThat(e.code()).isEqualTo("csv_too_many_rows"))
        .hasMessageContaining("more than 3 data rows");
    assertThat(repository.findIdByExternalRef("E-1")).isEmpty();
    assertThat(importer(4).importFile(csv).created()).as("blank rows do not count").isEqualTo(4);
  }

  @Test
  void headerProblemsAreRejectedUpFront() throws IOException {
    assertCode(file("empty.csv", ""), "csv_missing_header");
    assertCode(file("blank.csv", "\r\n\r\n"), "csv_missing_header");
    assertCode(
        file("noname.csv", "external_ref,emails\nF-1,f@example.com\n"), "csv_missing_column");
    assertCode(file("twice.csv", "name,NAME\nx,y\n"), "csv_duplicate_columns");
    assertCode(file("attr.csv", "name,attr:\nx,y\n"), "csv_bad_attribute_column");
  }

  @Test
  void fileThatIsNotUtf8OrBadlyQuotedIsRejectedBeforeAnyRowIsStored() throws IOException {
    Path big5 =
        Files.write(
            dir.resolve("big5.csv"),
            "external_ref,name\nG-1,ok\nG-2,陳小明\n".getBytes(Charset.forName("Big5")));
    Path quoted = file("quote.csv", "external_ref,name\nG-3,ok\nG-4,\"never closed\n");

    assertCode(big5, "csv_not_utf8");
    assertCode(quoted, "csv_malformed");
    assertThat(repository.findIdByExternalRef("G-1")).isEmpty();
    assertThat(repository.findIdByExternalRef("G-3")).isEmpty();
  }

  @Test
  void uploadedStreamIsImported() {
    byte[] body = "NAME , External_Ref\n\"Hsu, Ming\",H-1\n".getBytes(StandardCharsets.UTF_8);

    CsvImportResult result = importer.importStream(new ByteArrayInputStream(body));

    assertThat(result.created()).isEqualTo(1);
    assertThat(byRef("H-1").name()).isEqualTo("Hsu, Ming");
  }

  private static void assertCode(Path csv, String code) {
    assertThatThrownBy(() -> importer.importFile(csv))
        .isInstanceOfSatisfying(
            HelpdeskException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(HelpdeskException.Kind.INVALID);
              assertThat(e.code()).isEqualTo(code);
            });
  }

  /** Stores through the real repository, then fails for one external_ref as a crash would. */
  private record FailingAfterInsert(CustomerRepository real, String failingRef)
      implements CustomerRepository {

    @Override
    public long insert(CustomerDraft draft, List<Phone> phones) {
      long id = real.insert(draft, phones);
      if (failingRef.equals(draft.externalRef())) {
        throw new ValidationException("name", "simulated failure after the insert");
      }
      return id;
    }

    @Override
    public boolean update(
        long id, CustomerDraft draft, List<Phone> phones, Integer expectedVersion) {
      return real.update(id, draft, phones, expectedVersion);
    }

    @Override
    public Optional<Customer> find(long id) {
      return real.find(id);
    }

    @Override
    public boolean delete(long id) {
      return real.delete(id);
    }

    @Override
    public boolean exists(long id) {
      return real.exists(id);
    }

    @Override
    public Optional<CustomerKind> kindOf(long id) {
      return real.kindOf(id);
    }

    @Override
    public List<CustomerSummary> findByPhone(String e164, int limit) {
      return real.findByPhone(e164, limit);
    }

    @Override
    public List<CustomerSummary> search(String text, String e164OrNull, int limit, int offset) {
      return real.search(text, e164OrNull, limit, offset);
    }

    @Override
    public Optional<Long> findIdByExternalRef(String externalRef) {
      return real.findIdByExternalRef(externalRef);
    }

    @Override
    public boolean setTierOverride(long id, Tier override) {
      return real.setTierOverride(id, override);
    }

    @Override
    public boolean setValue(long id, BigDecimal value12m) {
      return real.setValue(id, value12m);
    }

    @Override
    public int recomputeTiers(BigDecimal share) {
      return real.recomputeTiers(share);
    }
  }
}
