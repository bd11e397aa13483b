package dev.callcenter.helpdesk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.ConflictException;
import dev.callcenter.helpdesk.ValidationException;
import dev.callcenter.helpdesk.db.Database;
import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import dev.callcenter.helpdesk.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerServiceTest {

  private static Database db;
  private static CustomerService service;
  private static Customer chen;

  @BeforeAll
  static void setUp() {
    db = TestDatabase.fresh();
    service = new CustomerService(new JdbiCustomerRepository(db.jdbi()), new PhoneNormalizer("TW"));
    chen =
        service.create(
            person(
                "陳小明",
                List.of(
                    new PhoneInput(PhoneType.WORK, "02-2345-6789"),
                    new PhoneInput(PhoneType.MOBILE, "0912-345-678"),
                    new PhoneInput(PhoneType.OTHER, "+86 138 0013 8000")),
                null));
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static CustomerDraft person(String name, List<PhoneInput> phones, Long companyId) {
    return new CustomerDraft(
        CustomerKind.PERSON,
        name,
        companyId,
        "zh-TW",
        phones,
        List.of(),
        null,
        null,
        Map.of(),
        null,
        null,
        null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "02-2345-6789",
        "(02) 2345 6789",
        "+886 2 2345 6789",
        "00886223456789",
        "0912-345-678",
        "+86 138 0013 8000"
      })
  void everyFormatOfAStoredNumberFindsTheCustomer(String callerNumber) {
    CallerLookup lookup = service.lookup(callerNumber);

    assertThat(lookup.result()).isEqualTo(CallerLookup.Result.KNOWN);
    assertThat(lookup.customers()).extracting(CustomerSummary::id).containsExactly(chen.id());
    assertThat(lookup.original()).isEqualTo(callerNumber);
  }

  @Test
  void storedNumbersKeepTheirOriginalText() {
    Customer stored = service.get(chen.id());

    assertThat(stored.phones())
        .extracting(Phone::original, Phone::e164)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("02-2345-6789", "+886223456789"),
            org.assertj.core.groups.Tuple.tuple("0912-345-678", "+886912345678"),
            org.assertj.core.groups.Tuple.tuple("+86 138 0013 8000", "+8613800138000"));
  }

  @Test
  void sharedNumberIsAmbiguousAndListsEveryCandidate() {
    Customer company =
        service.create(
            new CustomerDraft(
                CustomerKind.COMPANY,
                "台灣電子股份有限公司",
                null,
                "zh-TW",
                List.of(new PhoneInput(PhoneType.WORK, "03-555-1234")),
                List.of(),
                null,
                null,
                Map.of(),
                null,
                null,
                null));
    Customer employee =
        service.create(
            person("林美華", List.of(new PhoneInput(PhoneType.WORK, "(03) 555 1234")), company.id()));

    CallerLookup lookup = service.lookup("+886 3 555 1234");

    assertThat(lookup.result()).isEqualTo(CallerLookup.Result.AMBIGUOUS);
    assertThat(lookup.customers())
        .extracting(CustomerSummary::id)
        .containsExactlyInAnyOrder(company.id(), employee.id());
    assertThat(lookup.customers())
        .filteredOn(c -> c.id() == employee.id())
        .extracting(CustomerSummary::companyName)
        .containsExactly("台灣電子股份有限公司");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anonymous", "restricted", "unavailable", "<unknown>", ""})
  void withheldCallerIsAnonymous(String callerNumber) {
    assertThat(service.lookup(callerNumber).result()).isEqualTo(CallerLookup.Result.ANONYMOUS);
  }

  @Test
  void nullCallerIsAnonymous() {
    assertThat(service.lookup(null).result()).isEqualTo(CallerLookup.Result.ANONYMOUS);
  }

  @Test
  void numberNobodyHasIsUnknownButNormalised() {
    CallerLookup lookup = service.lookup("02 8765 4321");

    assertThat(lookup.result()).isEqualTo(CallerLookup.Result.UNKNOWN);
    assertThat(lookup.e164()).isEqualTo("+886287654321");
    assertThat(lookup.customers()).isEmpty();
  }

  @Test
  void invalidPhoneNumberNamesTheFieldAndWritesNothing() {
    var before = service.search("王大同", 10, 0);

    assertThatThrownBy(
            () ->
                service.create(
                    person(
                        "王大同",
                        List.of(
                            new PhoneInput(PhoneType.MOBILE, "0912-111-222"),
                            new PhoneInput(PhoneType.WORK, "call me maybe")),
                        null)))
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).field())
        .isEqualTo("phones[1].number");
    assertThat(service.search("王大同", 10, 0)).isEqualTo(before);
    assertThat(service.lookup("0912-111-222").result()).isEqualTo(CallerLookup.Result.UNKNOWN);
  }

  @Test
  void staleUpdateIsAConflictAndKeepsTheNewerData() {
    Customer c = service.create(person("張志豪", List.of(), null));
    CustomerDraft first =
        new CustomerDraft(
            CustomerKind.PERSON,
            "張志豪 (VIP)",
            null,
            "zh-TW",
            List.of(),
            List.of(),
            null,
            "first edit",
            Map.of(),
            null,
            null,
            c.version());
    service.update(c.id(), first);
    CustomerDraft second =
        new CustomerDraft(
            CustomerKind.PERSON,
            "張志豪",
            null,
            "zh-TW",
            List.of(),
            List.of(),
            null,
            "second edit",
            Map.of(),
            null,
            null,
            c.version());

    assertThatThrownBy(() -> service.update(c.id(), second))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("reload");
    assertThat(service.get(c.id()).notes()).isEqualTo("first edit");
  }

  @Test
  void paretoMarksTheTopCustomersMakingUpEightyPercentAsVip() {
    Database own = TestDatabase.fresh(2);
    try {
      CustomerService s =
          new CustomerService(new JdbiCustomerRepository(own.jdbi()), new PhoneNormalizer("TW"));
      // Values 50, 30, 10, 5, 5 (total 100): 50 + 30 reach 80%, so two VIPs.
      long[] ids = new long[5];
      int[] values = {5, 50, 10, 30, 5};
      for (int i = 0; i < values.length; i++) {
        ids[i] = s.create(person("c" + i, List.of(), null)).id();
        s.setValue(ids[i], BigDecimal.valueOf(values[i]));
      }
      s.setTierOverride(ids[0], Tier.VIP);

      s.recomputeTiers(new BigDecimal("0.80"));

      assertThat(s.get(ids[1]).effectiveTier()).isEqualTo(Tier.VIP);
      assertThat(s.get(ids[3]).effectiveTier()).isEqualTo(Tier.VIP);
      assertThat(s.get(ids[2]).effectiveTier()).isEqualTo(Tier.STANDARD);
      assertThat(s.get(ids[4]).effectiveTier()).isEqualTo(Tier.STANDARD);
      assertThat(s.get(ids[0]).tier()).isEqualTo(Tier.STANDARD);
      assertThat(s.get(ids[0]).effectiveTier()).as("manual override wins").isEqualTo(Tier.VIP);
    } finally {
      own.close();
    }
  }

  @Test
  void companyMustExistAndBeACompany() {
    assertThatThrownBy(() -> service.create(person("x", List.of(), chen.id())))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("not a company");
    assertThatThrownBy(() -> service.create(person("x", List.of(), 999_999L)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void searchFindsGivenNamesInsideFullNamesWithPrefixMatchesFirst() {
    Database own = TestDatabase.fresh(2);
    try {
      CustomerService s =
          new CustomerService(new JdbiCustomerRepository(own.jdbi()), new PhoneNormalizer("TW"));
      long full = s.create(person("陳志明", List.of(), null)).id();
      long starts = s.create(person("志明貿易", List.of(), null)).id();
      s.create(person("林美華", List.of(), null));

      assertThat(s.search("志明", 10, 0))
          .extracting(CustomerSummary::id)
          .containsExactly(starts, full);
      assertThat(s.search("50%", 10, 0)).as("like wildcards are literal").isEmpty();
    } finally {
      own.close();
    }
  }
}
