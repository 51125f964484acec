package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory {@link MeetingHistory}: criteria, stable order, paging, bad cursors. */
class MeetingHistoryTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final SimulatedClock clock = SimulatedClock.startingAt(T0.plus(Duration.ofDays(1)));
  private final Map<String, Set<String>> tags = new ConcurrentHashMap<>();
  private final MeetingTracker tracker = MeetingTracker.builder().scheduler(clock)
      .spaceTags((cluster, space) -> tags.getOrDefault(space, Set.of())).build();
  private final Records cdr = new Records(tracker, "london");

  @AfterEach
  void close() {
    tracker.close();
  }

  private static List<String> ids(MeetingPage page) {
    return page.meetings().stream().map(Meeting::id).toList();
  }

  @Test
  void find_bySpaceAddressTagAndTime_onlyMatchesNewestFirst() {
    cdr.meeting("c1", "sales", T0, T0.plusSeconds(600), "sip:Alice@Example.com");
    cdr.meeting("c2", "sales", T0.plusSeconds(3600), T0.plusSeconds(4200), "bob@example.com");
    cdr.meeting("c3", "board", T0.plusSeconds(7200), null, "alice@example.com");
    tags.put("board", Set.of("vip"));

    assertEquals(List.of("c2", "c1"),
        ids(tracker.find(MeetingQuery.builder().space("sales").build())));
    assertEquals(List.of("c3", "c1"), ids(tracker.find(
        MeetingQuery.builder().participantAddress("ALICE@example.com").build())),
        "case and the sip: scheme are ignored");
    assertEquals(List.of("c3"), ids(tracker.find(MeetingQuery.builder().tag("vip").build())));
    assertEquals(List.of("c3", "c2"), ids(tracker.find(MeetingQuery.builder()
        .from(T0.plusSeconds(601)).build())), "c1 ended before the range; c3 still runs");
    assertEquals(List.of("c1"), ids(tracker.find(MeetingQuery.builder()
        .to(T0.plusSeconds(3600)).build())), "to is exclusive");
    assertEquals(List.of(), ids(tracker.find(MeetingQuery.builder().clusterId("paris").build())));
  }

  @Test
  void find_paged_everyMeetingOnceEvenWhenOneStartsMeanwhile() {
    for (int i = 0; i < 25; i++) {
      // distinct spaces: running meetings of one space are one meeting
      cdr.meeting(String.format("c%02d", i), "s" + i, T0.plusSeconds(60L * (i / 2)), null, "x@y");
    }
    MeetingQuery q = MeetingQuery.builder().limit(10).build();
    List<String> seen = new ArrayList<>();
    MeetingPage page = tracker.find(q);
    seen.addAll(ids(page));
    cdr.meeting("late", "s-late", T0.plusSeconds(86_000), null, "x@y"); // newer: sorts before the cursor
    while (page.hasMore()) {
      page = tracker.find(q.next(page).orElseThrow());
      seen.addAll(ids(page));
    }
    assertEquals(25, seen.size(), seen.toString());
    assertEquals(25, Set.copyOf(seen).size(), "no meeting twice");
    assertFalse(seen.contains("late"));
    assertEquals("c24", seen.get(0));
    assertEquals(List.of("c22", "c23"), seen.subList(1, 3), "same start: id ascending");
  }

  @Test
  void find_badCursor_typedErrorNamingTheCursor() {
    InvalidMeetingQueryException e = assertThrows(InvalidMeetingQueryException.class,
        () -> tracker.find(MeetingQuery.builder().cursor("not-a-cursor").build()));
    assertTrue(e.getMessage().contains("not-a-cursor"), e.getMessage());
    assertTrue(e.getMessage().contains("nextCursor"), e.getMessage());
  }

  @Test
  void find_tagWithoutSpaceTags_typedError() {
    try (MeetingTracker plain = MeetingTracker.builder().scheduler(clock).build()) {
      InvalidMeetingQueryException e = assertThrows(InvalidMeetingQueryException.class,
          () -> plain.find(MeetingQuery.builder().tag("vip").build()));
      assertTrue(e.getMessage().contains("spaceTags"), e.getMessage());
    }
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
