package dev.callcenter.pbxsim.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgiDialogueTest {

  private static AgiDialogue dialogue(AgiCaller caller) {
    return new AgiDialogue(caller, Map.of("CALLERID(num)", caller.number()));
  }

  private static List<String> reply(AgiDialogue d, String line) {
    return d.answer(line).lines();
  }

  @Test
  void getDataWithoutTerminatorOrEnoughDigitsTimesOutWithWhatWasKeyed() {
    AgiDialogue d = dialogue(AgiCaller.from("100").pressing("12", "98765", "7#"));

    assertThat(reply(d, "GET DATA beep 3000 4")).containsExactly("200 result=12 (timeout)");
    assertThat(reply(d, "GET DATA beep 3000 4")).containsExactly("200 result=9876");
    assertThat(reply(d, "GET DATA beep 3000 4")).containsExactly("200 result=7");
    assertThat(reply(d, "GET DATA beep 3000 4")).containsExactly("200 result= (timeout)");
  }

  @Test
  void thenHangUpHangsUpAtTheFirstGetDataAfterTheScriptedEntries() {
    AgiDialogue d = dialogue(AgiCaller.from("100").pressing("1").thenHangUp());

    assertThat(reply(d, "GET DATA beep")).containsExactly("200 result=1 (timeout)");
    assertThat(reply(d, "GET DATA beep")).containsExactly("200 result=-1", "HANGUP");
    assertThat(reply(d, "WAIT FOR DIGIT 1000")).containsExactly(AgiDialogue.DEAD);
    assertThat(reply(d, "EXEC Playback beep")).containsExactly(AgiDialogue.DEAD);
    assertThat(reply(d, "VERBOSE \"still logging\" 1")).containsExactly("200 result=1");
    assertThat(reply(d, "GET VARIABLE CALLERID(num)")).containsExactly("200 result=1 (100)");
  }

  @Test
  void getFullVariableExpandsExpressionsAndTheLinkedidIsTheFirstChannelsUniqueid() {
    AgiDialogue d =
        new AgiDialogue(
            AgiCaller.from("100"), Map.of("CHANNEL(linkedid)", "1795331504.0", "UNIQUEID", "x"));

    assertThat(reply(d, "GET FULL VARIABLE ${CHANNEL(linkedid)}"))
        .containsExactly("200 result=1 (1795331504.0)");
    assertThat(reply(d, "SET VARIABLE CC_QUEUE support")).containsExactly("200 result=1");
    assertThat(reply(d, "GET FULL VARIABLE \"${CC_QUEUE}/${NOPE}/${UNIQUEID}\""))
        .containsExactly("200 result=1 (support//x)");
  }

  @Test
  void meanwhileActionsRunWhenTheSessionReachesTheNextPrompt() {
    List<String> happened = new java.util.ArrayList<>();
    AgiDialogue d =
        dialogue(
            AgiCaller.from("100")
                .pressing("1")
                .meanwhile(() -> happened.add("database stopped"))
                .pressing("2"));

    assertThat(reply(d, "GET DATA beep 3000 1")).containsExactly("200 result=1");
    assertThat(happened).isEmpty();
    assertThat(reply(d, "GET DATA beep 3000 1")).containsExactly("200 result=2");
    assertThat(happened).containsExactly("database stopped");
  }

  @Test
  void digitCommandsAnswerTheAsciiCodeOfTheKeyPressed() {
    AgiDialogue d = dialogue(AgiCaller.from("100").pressing("1", "5", "#"));

    assertThat(reply(d, "STREAM FILE welcome \"\"")).containsExactly("200 result=0 endpos=2000");
    assertThat(reply(d, "STREAM FILE welcome \"123\""))
        .containsExactly("200 result=49 endpos=1000");
    assertThat(reply(d, "STREAM FILE welcome \"123\""))
        .as("5 is not an escape digit: the file plays to its end and the key waits")
        .containsExactly("200 result=0 endpos=2000");
    assertThat(reply(d, "WAIT FOR DIGIT 5000")).containsExactly("200 result=53");
    assertThat(reply(d, "WAIT FOR DIGIT 5000")).containsExactly("200 result=35");
    assertThat(reply(d, "WAIT FOR DIGIT 5000")).containsExactly("200 result=0");
  }

  @Test
  void sayAnswerExecAndVariablesReplyLikeResAgi() {
    AgiDialogue d = dialogue(AgiCaller.from("100"));

    assertThat(reply(d, "answer")).containsExactly("200 result=0");
    assertThat(reply(d, "SAY NUMBER 42 \"\"")).containsExactly("200 result=0");
    assertThat(reply(d, "SAY DIGITS 123 \"\"")).containsExactly("200 result=0");
    assertThat(reply(d, "SAY DATE 1795331504 \"\"")).containsExactly("200 result=0");
    assertThat(reply(d, "SAY DATETIME 1795331504 \"\"")).containsExactly("200 result=0");
    assertThat(reply(d, "EXEC Playback beep")).containsExactly("200 result=0");
    assertThat(reply(d, "GET VARIABLE QUEUE")).containsExactly("200 result=0");
    assertThat(reply(d, "SET VARIABLE QUEUE \"support line\"")).containsExactly("200 result=1");
    assertThat(reply(d, "GET VARIABLE QUEUE")).containsExactly("200 result=1 (support line)");
    assertThat(d.variables()).containsEntry("QUEUE", "support line");
    assertThat(reply(d, "SAY NUMBER many \"\"").getLast()).isEqualTo("520 End of proper usage.");
    assertThat(reply(d, "FLY AWAY")).containsExactly(AgiDialogue.UNKNOWN);
  }

  @Test
  void scriptHangupMakesLaterChannelCommandsFailWith511() {
    AgiDialogue d = dialogue(AgiCaller.from("100"));

    AgiDialogue.Reply hangup = d.answer("HANGUP");

    assertThat(hangup.lines()).containsExactly("200 result=1");
    assertThat(hangup.effect()).isEqualTo(AgiDialogue.Effect.SCRIPT_HUNG_UP);
    assertThat(reply(d, "ANSWER")).containsExactly(AgiDialogue.DEAD);
  }

  @Test
  void argumentsSplitLikeResAgiParseArgs() {
    assertThat(AgiDialogue.parseArgs("SET VARIABLE \"A B\" \"say \\\"hi\\\"\"  x"))
        .containsExactly("SET", "VARIABLE", "A B", "say \"hi\"", "x");
    assertThat(AgiDialogue.parseArgs("STREAM FILE beep \"\""))
        .containsExactly("STREAM", "FILE", "beep", "");
  }
}
