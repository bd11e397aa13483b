package dev.callcenter.pbxsim.agi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished AGI session: the environment block sent (bytes), every line after it, the channel
 * variables the script set (in order), how it ended, and for each command how long the server took
 * to send it after the previous reply (the first: after the environment block).
 */
public record AgiResult(
    byte[] environment,
    List<AgiLine> transcript,
    Map<String, String> variables,
    AgiEnding ending,
    List<Duration> serverTimes) {
  public AgiResult {
    serverTimes = List.copyOf(serverTimes);
    environment = environment.clone();
    transcript = List.copyOf(transcript);
    // in the order the script set them
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** A copy of the bytes of the environment block, its empty line included. */
  @Override
  public byte[] environment() {
    return environment.clone();
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
