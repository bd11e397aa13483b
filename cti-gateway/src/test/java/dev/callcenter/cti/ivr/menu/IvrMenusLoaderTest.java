package dev.callcenter.cti.ivr.menu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IvrMenusLoaderTest {

  private static final Path SHIPPED = Path.of("..", "config", "ivr-menus.conf");

  private static String shipped() throws IOException {
    return Files.readString(SHIPPED);
  }

  private static IvrConfigException problems(String text) {
    try {
      IvrMenusLoader.parse(text, "test.conf");
    } catch (IvrConfigException e) {
      return e;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void theShippedMenusAreValid() {
    IvrMenus menus = IvrMenusLoader.load(SHIPPED);

    assertThat(menus.languages()).containsExactly("zh-TW", "en");
    assertThat(menus.menu("main").choices())
        .containsExactly(
            java.util.Map.entry("0", "agent"),
            java.util.Map.entry("1", "ticket-status"),
            java.util.Map.entry("2", "report-fault"),
            java.util.Map.entry("3", "technician-visit"),
            java.util.Map.entry("4", "callback"));
    assertThat(menus.menu("main").maxDigits()).isEqualTo(1);
    assertThat(menus.menu("identify").maxDigits()).isEqualTo(15);
    assertThat(menus.menu("identify").timeout()).isEqualTo(Duration.ofSeconds(8));
    assertThat(menus.menu("serial").optional()).isTrue();
    assertThat(menus.menu("main").retries()).isEqualTo(2);
    assertThat(menus.prompt("welcome", "en")).isEqualTo("custom/cc-welcome");
    assertThat(menus.routing().queueFor("en", null)).isEqualTo("support-en");
    assertThat(menus.routing().queueFor("en", "Mobile phone")).isEqualTo("support-mobile");
    assertThat(menus.routing().priorityFor(true)).isGreaterThan(menus.routing().priorityFor(false));
    assertThat(menus.technicianVisit()).isTrue();
    assertThat(menus.menu("technician-visit").choices())
        .containsExactly(
            java.util.Map.entry("0", "agent"),
            java.util.Map.entry("1", "confirm"),
            java.util.Map.entry("2", "reschedule"),
            java.util.Map.entry("9", "main"));
    assertThat(menus.sayTimeFormat()).containsEntry("en", "IMp").containsEntry("zh-TW", "HM");
    assertThat(menus.technicianNames()).isFalse();
  }

  @Test
  void withoutTechnicianVisitsTheirMenuPromptsAndTimeFormatMayBeLeftOut() throws IOException {
    String text = shipped().replace("technician-visit = true", "technician-visit = false");
    text = text.replaceAll("(?m)^say-time-format.*$", "");
    text = text.replaceAll("(?m)^\\s+(no-visit|visit-\\w+)\\s+=.*$", "");
    text = text.replaceAll("(?s)  technician-visit \\{.*?\\n  \\}\\n", "");

    IvrMenus menus = IvrMenusLoader.parse(text, "test.conf");

    assertThat(menus.technicianVisit()).isFalse();
    assertThat(menus.menus()).doesNotContainKey("technician-visit");
    assertThat(menus.prompts()).doesNotContainKey("visit-confirmed");
  }

  @Test
  void withTechnicianVisitsTheirMenuPromptsAndTimeFormatAreRequired() throws IOException {
    String text = shipped().replaceAll("(?m)^say-time-format.*$", "");
    text = text.replaceAll("(?m)^\\s+visit-confirmed\\s+=.*$", "");
    text = text.replaceAll("(?s)  technician-visit \\{.*?\\n  \\}\\n", "");

    assertThat(problems(text).problems())
        .contains(
            "say-time-format: missing",
            "prompts.visit-confirmed: missing",
            "menus.technician-visit: missing");
  }

  @Test
  void everyProblemIsReportedWithItsKey() throws IOException {
    String broken =
        shipped()
            + """
            colour = blue
            menus.main.choices.7 = tea
            menus.main.timeout = 5 parsecs
            menus.language.choices.3 = fr
            menus.identify.choices { 1 = agent }
            menus.product.max-digits = 2
            prompts.goodbye { zh-TW = "custom/cc-goodbye" }
            prompts.welcome = "custom/cc welcome"
            routing.vip-priority = 0
            routing.queue-by-product { "Toaster" = "support" }
            """;

    IvrConfigException e = problems(broken);

    assertThat(e.problems())
        .contains(
            "colour: unknown key; known: [backend-timeout, channel-language, default-language,"
                + " defaults, languages, max-tickets-spoken, menus, prompts, routing,"
                + " say-datetime-format, say-time-format, survey-after-resolved,"
                + " survey-asks-solved, technician-names, technician-visit, time-zone]",
            "menus.main.choices.7: 'tea' is not one of [agent, callback, report-fault,"
                + " technician-visit, ticket-status]",
            "menus.main.timeout: must be a duration such as 5s or 30m",
            "menus.language.choices.3: 'fr' is not one of languages [zh-TW, en]",
            "menus.identify.choices: 'identify' takes a number, not choices",
            "menus.product.max-digits: a choice menu takes one key: must be 1",
            "prompts.goodbye.en: missing: every prompt needs a sound for each language",
            "prompts.welcome: 'custom/cc welcome' is not a sound name (letters, digits, / _ - .,"
                + " no extension)",
            "routing.vip-priority: must be higher than standard-priority (0)",
            "routing.queue-by-product.Toaster: 'Toaster' is not a product of"
                + " menus.product.choices");
    assertThat(e.getMessage()).startsWith("Invalid IVR menus in test.conf:\n  ");
  }

  @Test
  void anUnknownMainMenuActionIsRefusedNamingTheFileTheLineAndTheActions(@TempDir Path dir)
      throws IOException {
    String text = shipped().replace("4 = callback", "4 = call-me-back");
    Path file = Files.writeString(dir.resolve("ivr-menus.conf"), text);
    int line = text.lines().toList().indexOf("      4 = call-me-back") + 1;

    assertThatThrownBy(() -> IvrMenusLoader.load(file))
        .isInstanceOf(IvrConfigException.class)
        .hasMessageContaining(
            "menus.main.choices.4: 'call-me-back' is not one of [agent, callback, report-fault,"
                + " technician-visit, ticket-status] ("
                + file
                + ":"
                + line
                + ")");
    assertThat(line).isPositive();
  }

  @Test
  void everyMenuActionIsAValidMainMenuChoiceAndEveryShippedOneIsAnAction() {
    IvrMenus menus = IvrMenusLoader.load(SHIPPED);

    assertThat(MenuName.MAIN.choiceValues())
        .containsExactlyInAnyOrderElementsOf(MenuChoice.values(MenuAction.class));
    for (String value : menus.menu(MenuName.MAIN).choices().values()) {
      assertThat(MenuChoice.of(MenuAction.class, value).value()).isEqualTo(value);
    }
    for (MenuName name : MenuName.values()) {
      assertThat(menus.menus())
          .as("the shipped file has menu " + name.key())
          .containsKey(name.key());
    }
  }

  @Test
  void missingMenusAndPromptsAreNamed() {
    IvrConfigException e =
        problems(
            """
            languages = [en]
            default-language = de
            """);

    assertThat(e.problems())
        .contains(
            "default-language: 'de' is not one of languages [en]",
            "menus: missing",
            "prompts: missing",
            "routing: missing",
            "time-zone: missing");
  }

  @Test
  void aMissingFileIsAClearError() {
    assertThatThrownBy(() -> IvrMenusLoader.load(Path.of("no-such-menus.conf")))
        .isInstanceOf(IvrConfigException.class)
        .hasMessageContaining("no-such-menus.conf")
        .hasMessageContaining("file not found");
  }

  @Test
  void aSyntaxErrorNamesTheFile() {
    assertThatThrownBy(() -> IvrMenusLoader.parse("menus { main = ", "bad.conf"))
        .isInstanceOf(IvrConfigException.class)
        .hasMessageContaining("bad.conf");
  }

  @Test
  void everyCustomPromptOfTheShippedMenusIsListedInSoundsMd() throws IOException {
    IvrMenus menus = IvrMenusLoader.load(SHIPPED);
    String sounds = Files.readString(Path.of("..", "config", "asterisk", "sounds.md"));
    java.util.Set<String> used = new java.util.TreeSet<>();
    menus.prompts().values().forEach(p -> used.addAll(p.byLanguage().values()));
    for (Menu m : menus.menus().values()) {
      used.addAll(m.prompt().byLanguage().values());
      used.addAll(m.invalid().byLanguage().values());
      used.addAll(m.noInput().byLanguage().values());
    }

    assertThat(used).isNotEmpty();
    for (String sound : used) {
      String name = sound.substring(sound.lastIndexOf('/') + 1);
      assertThat(sounds).as("sounds.md lists " + sound).contains("`" + name + "`");
    }
  }
}
