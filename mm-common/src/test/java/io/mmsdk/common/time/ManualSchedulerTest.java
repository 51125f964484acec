package io.mmsdk.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void advance_runsDueTasksInOrderAtTheirDueTime() {
    ManualScheduler s = ManualScheduler.startingAt(T0);
    List<String> seen = new ArrayList<>();
    s.schedule(Duration.ofSeconds(20), () -> seen.add("b@" + s.now()));
    s.schedule(Duration.ofSeconds(10), () -> seen.add("a@" + s.now()));
    s.schedule(Duration.ofSeconds(40), () -> seen.add("late"));
    s.advance(Duration.ofSeconds(30));
    assertEquals(List.of("a@2026-01-01T00:00:10Z", "b@2026-01-01T00:00:20Z"), seen);
    assertEquals(T0.plusSeconds(30), s.now());
    assertEquals(1, s.pendingTasks());
  }

  @Test
  void scheduleRepeating_runsEachPeriodUntilCancelled() {
    ManualScheduler s = ManualScheduler.startingAt(T0);
    List<Instant> runs = new ArrayList<>();
    Scheduler.Cancellable c =
        s.scheduleRepeating(Duration.ZERO, Duration.ofMinutes(5), () -> runs.add(s.now()));
    s.advance(Duration.ofMinutes(11));
    assertEquals(List.of(T0, T0.plusSeconds(300), T0.plusSeconds(600)), runs);
    c.cancel();
    s.advance(Duration.ofHours(1));
    assertEquals(3, runs.size());
    assertEquals(0, s.pendingTasks());
  }

  @Test
  void cancel_beforeDue_taskNeverRuns() {
    ManualScheduler s = ManualScheduler.startingAt(T0);
    List<String> seen = new ArrayList<>();
    s.schedule(Duration.ofSeconds(1), () -> seen.add("x")).cancel();
    s.advance(Duration.ofSeconds(5));
    assertEquals(List.of(), seen);
  }

  @Test
  void advance_negative_isRejected() {
    ManualScheduler s = ManualScheduler.startingAt(T0);
    assertThrows(IllegalArgumentException.class, () -> s.advance(Duration.ofSeconds(-1)));
  }

  @Test
  void failingTask_doesNotStopLaterTasks() {
    ManualScheduler s = ManualScheduler.startingAt(T0);
    List<String> seen = new ArrayList<>();
    s.schedule(Duration.ofSeconds(1), () -> { throw new IllegalStateException("boom"); });
    s.schedule(Duration.ofSeconds(2), () -> seen.add("ok"));
    s.advance(Duration.ofSeconds(3));
    assertEquals(List.of("ok"), seen);
  }
}
