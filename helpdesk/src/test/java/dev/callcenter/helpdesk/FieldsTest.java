package dev.callcenter.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void controlCharactersLoneSurrogatesAndNoncharactersAreForbiddenAnywhere() {
    for (String bad :
        new String[] {
          "a\u0000b",
          "\u001b[31m",
          "del\u007f",
          "c1\u0085",
          "\ud800",
          "x\udc00",
          "\ufffe",
          "\uffff",
          "\ufdd0",
          "plane 1 \ud83f\udfff"
        }) {
      assertThat(Fields.forbiddenCharacterAt(bad)).as(bad).isNotNegative();
    }
    assertThat(Fields.forbiddenCharacterAt("a\u0000b")).isEqualTo(1);
  }

  @Test
  void tabLineBreaksEmojiAndChineseAreText() {
    assertThat(Fields.forbiddenCharacterAt("line one\r\n\tline two 😀 印表機 \u00a0\u200b"))
        .isEqualTo(-1);
  }

  @Test
  void textWithAForbiddenCharacterIsInvalidCharactersNamingTheField() {
    assertThatThrownBy(() -> Fields.optional("notes", "ok\u0000", 100))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("invalid_characters");
              assertThat(e.field()).isEqualTo("notes");
              assertThat(e.getMessage()).contains("U+0000", "position 3");
            });
  }

  @Test
  void textOfOnlyInvisibleCharactersIsBlank() {
    assertThat(Fields.isBlank("\u00a0\u200b\ufeff\ufffd \t\u3000")).isTrue();
    assertThat(Fields.isBlank("\u200bA")).isFalse();
    assertThat(Fields.optional("notes", "\u200b\u00a0", 100)).isNull();
    assertThatThrownBy(() -> Fields.required("name", "\ufeff", 100))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
  }
}
