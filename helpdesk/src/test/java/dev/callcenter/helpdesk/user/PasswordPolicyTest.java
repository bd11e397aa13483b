package dev.callcenter.helpdesk.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callcenter.helpdesk.HelpdeskException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  private static final PasswordPolicy POLICY = PasswordPolicy.standard();

  @ParameterizedTest
  @CsvSource({
    "aaaaaaaa, password_too_short",
    "短密碼只有十一個字元呀, password_too_short",
    "agent-supervisor7, password_contains_username",
    "123qweasdzxc, password_too_common",
    "qwerty123456, password_too_common",
    "password1234, password_too_common",
    "!!sunshine2026!!, password_too_common",
    "Iloveyou1234567, password_too_common",
    "abababababab, password_too_simple",
    "111111111111, password_too_simple",
  })
  void refuses(String password, String code) {
    assertThatThrownBy(() -> POLICY.check("agent-supervisor", password))
        .isInstanceOf(HelpdeskException.class)
        .extracting(e -> ((HelpdeskException) e).code())
        .isEqualTo(code);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"correct horse battery", "Tr0ub4dor&3-staple", "客服中心的密碼要夠長才安全", "m9#Kq2!vX7@p"})
  void accepts(String password) {
    assertThatCode(() -> POLICY.check("agent-supervisor", password)).doesNotThrowAnyException();
  }
}
