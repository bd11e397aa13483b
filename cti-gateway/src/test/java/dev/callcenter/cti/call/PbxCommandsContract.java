package dev.callcenter.cti.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PbxCommands} must do, run against each implementation (the AMI client today, a
 * relay to the node that holds the PBX later): accepted commands change the PBX, refused ones fail
 * with {@link PbxCommandException} rather than reporting success.
 */
public interface PbxCommandsContract {

  Duration WAIT = Duration.ofSeconds(10);

  /** The implementation under test, connected to a PBX that has queue {@code support}. */
  PbxCommands commands();

  /**
   * The fields of the {@code Originate} the PBX received for {@code channelId} (its {@code
   * Channel}, {@code Context}, {@code Exten}), waiting up to {@link #WAIT}; empty if none came.
   */
  Optional<Map<String, String>> originateReceived(String channelId);

  /** Whether {@code agentInterface} is in {@code queue} on the PBX, and paused; empty if not. */
  Optional<Boolean> paused(String queue, String agentInterface);

  private static <T> T done(CompletableFuture<T> command) throws Exception {
    return command.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void refused(CompletableFuture<?> command) {
    assertThatThrownBy(() -> command.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(PbxCommandException.class);
  }

  @Test
  default void anAddedMemberCanBePausedUnpausedAndRemoved() throws Exception {
    done(commands().queueAdd("support", "PJSIP/7001", "Contract Agent", false, null));
    assertThat(paused("support", "PJSIP/7001")).contains(false);

    done(commands().queuePause("support", "PJSIP/7001", true, "lunch"));
    assertThat(paused("support", "PJSIP/7001")).contains(true);

    done(commands().queuePause("support", "PJSIP/7001", false, null));
    assertThat(paused("support", "PJSIP/7001")).contains(false);

    done(commands().queueRemove("support", "PJSIP/7001"));
    assertThat(paused("support", "PJSIP/7001")).isEmpty();
  }

  @Test
  default void aMemberAddedPausedStartsPaused() throws Exception {
    done(commands().queueAdd("support", "PJSIP/7002", "Paused Agent", true, "briefing"));

    assertThat(paused("support", "PJSIP/7002")).contains(true);
  }

  @Test
  default void addingToAQueueThatDoesNotExistIsRefused() {
    refused(commands().queueAdd("no-such-queue", "PJSIP/7003", "Nobody", false, null));
  }

  @Test
  default void removingSomeoneWhoIsNotInTheQueueIsRefused() {
    refused(commands().queueRemove("support", "PJSIP/7999"));
  }

  @Test
  default void pausingSomeoneWhoIsInNoQueueIsRefused() {
    refused(commands().queuePause("support", "PJSIP/7998", true, "lunch"));
  }

  @Test
  default void hangingUpAChannelThatDoesNotExistIsRefused() {
    refused(commands().hangup("PJSIP/7997-00000000"));
  }

  @Test
  default void redirectingAChannelThatDoesNotExistIsRefused() {
    refused(commands().redirect("PJSIP/7996-00000000", "cti-transfer", "support"));
  }

  @Test
  default void anOriginateReachesThePbxAsAsked() throws Exception {
    done(
        commands()
            .originate(
                "PJSIP/1001",
                "cti-outbound",
                "0912345678",
                "\"Agent One\" <0912345678>",
                "cc-contract-1",
                Map.of("CC_AGENT", "agent1")));

    assertThat(originateReceived("cc-contract-1"))
        .hasValueSatisfying(
            fields ->
                assertThat(fields)
                    .containsEntry("Channel", "PJSIP/1001")
                    .containsEntry("Context", "cti-outbound")
                    .containsEntry("Exten", "0912345678"));
  }
}
