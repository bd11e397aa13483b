package dev.callcenter.pbxsim.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");
  private final ManualScheduler time = new ManualScheduler(T0);
  private final List<String> ran = new ArrayList<>();

  @Test
  void runsDueTasksInTimeThenSubmissionOrderWithTheClockAtEachTasksTime() {
    time.schedule(Duration.ofSeconds(2), () -> ran.add("b@" + time.clock().instant()));
    time.schedule(Duration.ofSeconds(1), () -> ran.add("a@" + time.clock().instant()));
    time.schedule(Duration.ofSeconds(2), () -> ran.add("c"));
    time.schedule(Duration.ofSeconds(3), () -> ran.add("late"));

    time.advance(Duration.ofSeconds(2));

    assertThat(ran).containsExactly("a@2026-11-22T07:00:01Z", "b@2026-11-22T07:00:02Z", "c");
    assertThat(time.clock().instant()).isEqualTo(T0.plusSeconds(2));
  }

  @Test
  void tasksScheduledByTasksRunInTheSameAdvanceWhenDue() {
    time.schedule(
        Duration.ofSeconds(1), () -> time.schedule(Duration.ofSeconds(1), () -> ran.add("nested")));

    time.advance(Duration.ofSeconds(5));

    assertThat(ran).containsExactly("nested");
  }

  @Test
  void cancelledTasksDoNotRunAndZeroDelayWaitsForRunDue() {
    time.schedule(Duration.ofSeconds(1), () -> ran.add("cancelled")).cancel();
    time.schedule(Duration.ZERO, () -> ran.add("now"));
    assertThat(ran).isEmpty();

    time.runDue();
    time.advance(Duration.ofSeconds(1));

    assertThat(ran).containsExactly("now");
  }

  @Test
  void clockInAnotherZoneStillFollowsVirtualTime() {
    var taipei = time.clock().withZone(ZoneId.of("Asia/Taipei"));

    time.advance(Duration.ofMinutes(1));

    assertThat(taipei.instant()).isEqualTo(T0.plusSeconds(60));
    assertThat(taipei.getZone()).isEqualTo(ZoneId.of("Asia/Taipei"));
  }
}
