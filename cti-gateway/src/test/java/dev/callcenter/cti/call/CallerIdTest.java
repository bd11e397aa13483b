package dev.callcenter.cti.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callcenter.helpdesk.phone.PhoneNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallerIdTest {
  private final PhoneNormalizer tw = new PhoneNormalizer("TW");

  @Test
  void nationalNumberGetsItsE164FormAndKeepsTheOriginal() {
    CallerId id = CallerId.of("02-2345-6789", "張三", tw, "TW");

    assertThat(id).isEqualTo(new CallerId("02-2345-6789", "+886223456789", false, "張三"));
  }

  @Test
  void theTrunksRegionDecidesHowANationalNumberIsRead() {
    assertThat(CallerId.of("2025550123", null, tw, "US").e164()).isEqualTo("+12025550123");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "<unknown>", "anonymous", "Anonymous", "restricted", "unavailable"})
  void withheldNumbersAreAnonymous(String number) {
    CallerId id = CallerId.of(number, "Someone", tw, "TW");

    assertThat(id.anonymous()).isTrue();
    assertThat(id.number()).isNull();
    assertThat(id.e164()).isNull();
    assertThat(id.name()).isNull();
  }

  @Test
  void restrictedPresentationIsAnonymousEvenWithANumber() {
    assertThat(CallerId.of("0912345678", "張三", 32, tw, "TW").anonymous()).isTrue();
    assertThat(CallerId.of("0912345678", "張三", 0, tw, "TW").anonymous()).isFalse();
  }

  @Test
  void cEscapesInTheNameAreUndone() {
    assertThat(CallerId.of("0287654321", "O\\'Brien", tw, "TW").name()).isEqualTo("O'Brien");
    assertThat(CallerId.of("0287654321", "a\\\\b \\\"c\\\"", tw, "TW").name())
        .isEqualTo("a\\b \"c\"");
  }

  @Test
  void unknownOrBlankNameIsNull() {
    assertThat(CallerId.of("0287654321", "<unknown>", tw, "TW").name()).isNull();
    assertThat(CallerId.of("0287654321", "  ", tw, "TW").name()).isNull();
  }

  @Test
  void anInternalExtensionHasNoE164Form() {
    CallerId id = CallerId.of("1001", "Agent 1001", tw, "TW");

    assertThat(id.number()).isEqualTo("1001");
    assertThat(id.e164()).isNull();
    assertThat(id.anonymous()).isFalse();
  }
}
