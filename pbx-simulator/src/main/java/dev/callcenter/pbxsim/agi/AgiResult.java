package dev.callcenter.pbxsim.agi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A finished AGI session: the environment block sent (bytes), every line after it, the channel
 * variables the script set, and how it ended.
 */
public record AgiResult(
    byte[] environment, List<AgiLine> transcript, Map<String, String> variables, AgiEnding ending) {
  public AgiResult {
    transcript = List.copyOf(transcript);
    variables = Map.copyOf(variables);
  }

  public String agiStatus() {
    return ending.agiStatus();
  }

  public String environmentText() {
    return new String(environment, StandardCharsets.UTF_8);
  }

  /** The command lines the server sent, in order. */
  public List<String> commands() {
    return transcript.stream()
        .filter(l -> l instanceof AgiLine.Received)
        .map(AgiLine::text)
        .toList();
  }

  /** The lines sent back, unsolicited {@code HANGUP}s included. */
  public List<String> replies() {
    return transcript.stream().filter(l -> l instanceof AgiLine.Sent).map(AgiLine::text).toList();
  }
}
