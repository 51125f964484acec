package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory {@link MeetingHistory}'s own cases: query validation and retention. What every
 * history does (criteria, order, paging, cursors) is {@link MeetingHistoryContract}, run for the
 * tracker by {@link TrackerMeetingHistoryTest}.
 */
class MeetingHistoryTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final SimulatedClock clock = SimulatedClock.startingAt(T0.plus(Duration.ofDays(1)));
  private final MeetingTracker tracker = MeetingTracker.builder().scheduler(clock).build();
  private final Records cdr = new Records(tracker, "london");

  @AfterEach
  void close() {
    tracker.close();
  }

  @Test
  void builder_badValues_rejectedWithReason() {
    assertThrows(IllegalArgumentException.class, () -> MeetingQuery.builder().limit(0));
    assertThrows(IllegalArgumentException.class, () -> MeetingQuery.builder().limit(1001));
    assertThrows(IllegalArgumentException.class, () -> MeetingQuery.builder().space(" "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MeetingQuery.builder().from(T0).to(T0).build());
    assertTrue(e.getMessage().contains("from must be before to"), e.getMessage());
  }

  @Test
  void find_afterRetention_endedMeetingsGone() {
    cdr.meeting("old", "s", T0, T0.plusSeconds(60), "x@y");
    clock.advance(Duration.ofDays(8));
    tracker.purgeExpired();
    assertTrue(tracker.find(MeetingQuery.builder().build()).meetings().isEmpty());
  }
}
