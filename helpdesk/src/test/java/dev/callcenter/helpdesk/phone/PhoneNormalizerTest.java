package dev.callcenter.helpdesk.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

  private final PhoneNormalizer taiwan = new PhoneNormalizer("TW");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "02-2345-6789",
        "(02) 2345 6789",
        "+886 2 2345 6789",
        "00886223456789",
        "+886-2-2345-6789",
        "02/2345 6789",
        "0223456789"
      })
  void taipeiLandlineWrittenAnyWayIsOneKey(String written) {
    assertThat(taiwan.normalize(written)).contains("+886223456789");
  }

  @Test
  void taiwanMobileAndChinaMobile() {
    assertThat(taiwan.normalize("0912-345-678")).contains("+886912345678");
    assertThat(taiwan.normalize("+86 138 0013 8000")).contains("+8613800138000");
    assertThat(taiwan.normalize("0086 138 0013 8000")).contains("+8613800138000");
    assertThat(taiwan.normalize("002 86 138 0013 8000")).contains("+8613800138000");
  }

  @Test
  void internalExtensionsStayAsDigits() {
    assertThat(taiwan.normalize("1001")).contains("1001");
    assertThat(taiwan.normalize("123")).contains("123");
    assertThat(taiwan.normalize("12345")).contains("12345");
  }

  @Test
  void defaultRegionIsConfigurable() {
    PhoneNormalizer germany = new PhoneNormalizer("DE");
    assertThat(germany.normalize("030 123456789")).contains("+4930123456789");
    assertThat(germany.normalize("+886 2 2345 6789")).contains("+886223456789");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anonymous", "Restricted", "unavailable", "<unknown>", "", "  "})
  void withheldNumbersAreAnonymous(String raw) {
    assertThat(PhoneNormalizer.isAnonymous(raw)).isTrue();
    assertThat(taiwan.normalize(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "12", "+", "++886", "0800-CALL-ME-NOW-PLEASE-123456789"})
  void garbageIsNotAPhoneNumber(String raw) {
    assertThat(taiwan.normalize(raw)).isEmpty();
  }

  @Test
  void unknownRegionIsRejected() {
    assertThatThrownBy(() -> new PhoneNormalizer("XX"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XX");
  }
}
