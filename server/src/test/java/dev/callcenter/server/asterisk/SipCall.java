package dev.callcenter.server.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One customer's call through the provider's trunk ({@code sipp/caller.xml}): dials a DID, keys RFC
 * 4733 DTMF on a schedule from the answer, and hangs up after a while unless Asterisk does.
 */
public final class SipCall implements AutoCloseable {

  private static final AtomicInteger PCAPS = new AtomicInteger();

  private final Sipp sipp;

  private SipCall(Sipp sipp) {
    this.sipp = sipp;
  }

  /** What a caller does. */
  public static Builder from(String number, String name) {
    return new Builder(number, name);
  }

  /** Waits for the call to end; fails unless sipp saw every step of its scenario. */
  public void awaitCompleted(Duration timeout) {
    int exit = sipp.awaitExit(timeout);
    if (exit != 0) {
      throw new AssertionError("the caller's sipp ended with " + exit + "; " + sipp.errors());
    }
  }

  /** The SIP messages of the call so far. */
  public String messages() {
    return sipp.messages();
  }

  @Override
  public void close() {
    sipp.close();
  }

  /** A call to place. */
  public static final class Builder {
    private final String number;
    private final String name;
    private final List<Rfc4733Pcap.Key> keys = new ArrayList<>();
    private Duration hangUpAfter = Duration.ofSeconds(30);

    private Builder(String number, String name) {
      this.number = number;
      this.name = name;
    }

    /** Keys {@code digits} from {@code at} after the answer, {@code gap} apart. */
    public Builder keys(Duration at, String digits, Duration gap) {
      for (int i = 0; i < digits.length(); i++) {
        keys.add(new Rfc4733Pcap.Key(at.plus(gap.multipliedBy(i)), digits.charAt(i)));
      }
      return this;
    }

    /** Keys one key {@code at} after the answer. */
    public Builder key(Duration at, char key) {
      keys.add(new Rfc4733Pcap.Key(at, key));
      return this;
    }

    /** Hangs up this long after the answer, unless Asterisk hangs up first. */
    public Builder hangUpAfter(Duration hold) {
      this.hangUpAfter = hold;
      return this;
    }

    /** Dials {@code did} on Asterisk at {@code pbx} ({@code host:port}) from {@code host}. */
    public SipCall dial(Path dir, String pbx, String host, String did) {
      return start(dir, pbx, host, did, number, List.of("-m", "1", "-timeout", "120"));
    }

    /**
     * The same call from each of {@code numbers} in turn (one sipp, its injection file), {@code
     * perSecond} new calls a second; for load.
     */
    public SipCall dialEach(
        Path dir, String pbx, String host, String did, List<String> numbers, int perSecond) {
      Path csv = dir.resolve("callers-" + PCAPS.incrementAndGet() + ".csv");
      StringBuilder lines = new StringBuilder("SEQUENTIAL\n");
      numbers.forEach(n -> lines.append(n).append(";\n"));
      try {
        Files.writeString(csv, lines);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      long seconds = numbers.size() / perSecond + hangUpAfter.toSeconds() + 120;
      return start(
          dir,
          pbx,
          host,
          did,
          "[field0]",
          List.of(
              "-inf",
              csv.toString(),
              "-r",
              Integer.toString(perSecond),
              "-m",
              Integer.toString(numbers.size()),
              "-l",
              "1000",
              "-timeout",
              Long.toString(seconds)));
    }

    private SipCall start(
        Path dir, String pbx, String host, String did, String callerNumber, List<String> how) {
      String dtmf = "";
      if (!keys.isEmpty()) {
        Path pcap = dir.resolve("dtmf-" + PCAPS.incrementAndGet() + ".pcap");
        Rfc4733Pcap.write(pcap, keys);
        dtmf =
            "<nop><action><exec play_pcap_audio=\"" + pcap.toAbsolutePath() + "\"/></action></nop>";
      }
      List<String> args = new ArrayList<>();
      args.addAll(
          List.of(
              pbx,
              "-s",
              did,
              "-i",
              host,
              "-p",
              Integer.toString(Sipp.freeUdpPort(host)),
              "-mp",
              Integer.toString(Sipp.freeMediaPort(host)),
              "-aa",
              "-timeout_error"));
      args.addAll(how);
      Sipp sipp =
          Sipp.start(
              dir,
              "caller",
              "caller.xml",
              Map.of(
                  "callerNumber",
                  callerNumber,
                  "callerName",
                  name,
                  "dtmf",
                  dtmf,
                  "holdMs",
                  Long.toString(hangUpAfter.toMillis())),
              args);
      return new SipCall(sipp);
    }
  }
}
