package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  void maxEndedMeetings_oldestEndedForgottenFirst_runningKept() {
    try (MeetingTracker small = MeetingTracker.builder().scheduler(clock).maxEndedMeetings(2)
        .build()) {
      Records feed = new Records(small, "london");
      feed.meeting("running", "s0", T0, null, "r@y");
      // "b" starts first but ends after "a": the bound goes by the order meetings end in.
      feed.meeting("b", "s2", T0.plusSeconds(10), null, "b@y");
      feed.meeting("a", "s1", T0.plusSeconds(20), null, "a@y");
      feed.callEnd(T0.plusSeconds(100), "a");
      feed.callEnd(T0.plusSeconds(200), "b");
      assertEquals(3, small.meetings().size());
      feed.meeting("c", "s3", T0.plusSeconds(30), T0.plusSeconds(300), "c@y");

      assertTrue(small.findMeetingByCall("london", "a").isEmpty(), "the first to end is forgotten");
      assertTrue(small.findMeetingByCall("london", "b").isPresent());
      assertTrue(small.findMeetingByCall("london", "c").isPresent());
      assertTrue(small.findMeetingByCall("london", "running").isPresent());
      assertEquals(3, small.meetings().size());
      assertEquals(3, small.find(MeetingQuery.builder().build()).meetings().size());
    }
  }

  @Test
  void close_slowListener_changesMadeBeforeAreDeliveredBeforeCloseReturns() {
    List<LogKind> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    MeetingTracker slow = MeetingTracker.builder().scheduler(clock).build();
    slow.addListener(change -> {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      seen.add(change.entry().kind());
    });
    new Records(slow, "london").meeting("m", "s", T0, T0.plusSeconds(60), "a@y");
    slow.close();
    assertEquals(LogKind.MEETING_ENDED, seen.get(seen.size() - 1), "delivered by close: " + seen);
  }

  @Test
  void maxEndedMeetings_belowOne_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MeetingTracker.builder().maxEndedMeetings(0));
    assertTrue(e.getMessage().contains("maxEndedMeetings must be at least 1"), e.getMessage());
  }

  @Test
  void find_afterRetention_endedMeetingsGone() {
    cdr.meeting("old", "s", T0, T0.plusSeconds(60), "x@y");
    clock.advance(Duration.ofDays(8));
    tracker.purgeExpired();
    assertTrue(tracker.find(MeetingQuery.builder().build()).meetings().isEmpty());
  }
}
