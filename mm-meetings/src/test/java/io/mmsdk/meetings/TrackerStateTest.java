package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mmsdk.meetings.Meeting.Interval;
import io.mmsdk.meetings.TrackerState.Leg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackerStateTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void leg_moreWaitsThanKept_keepsTheNewestOldestFirst() {
    Leg leg = new Leg("leg1", "london", null, T0, true);
    int waits = TrackerState.Leg.MAX_LOBBY_INTERVALS + 5;
    for (int i = 0; i < waits; i++) {
      leg.enterLobby(at(10 * i));
      leg.leaveLobby(at(10 * i + 5));
    }
    leg.enterLobby(at(10 * waits));
    List<Interval> expected = new ArrayList<>();
    for (int i = waits - TrackerState.Leg.MAX_LOBBY_INTERVALS + 1; i < waits; i++) {
      expected.add(new Interval(at(10 * i), at(10 * i + 5)));
    }
    expected.add(new Interval(at(10 * waits), null));
    assertEquals(expected, leg.lobbyIntervals());
  }

  @Test
  void leg_listOfAMoment_unchangedByLaterWaitsAndSharedUntilThen() {
    Leg leg = new Leg("leg1", "london", null, T0, true);
    leg.enterLobby(at(1));
    List<Interval> waiting = leg.lobbyIntervals();
    assertSame(waiting, leg.lobbyIntervals(), "built once per change");
    leg.enterLobby(at(2)); // waiting already: no change
    assertSame(waiting, leg.lobbyIntervals());
    leg.leaveLobby(at(3));
    leg.leaveLobby(at(4)); // not waiting: no change
    assertEquals(List.of(new Interval(at(1), null)), waiting);
    assertEquals(List.of(new Interval(at(1), at(3))), leg.lobbyIntervals());
  }

  @Test
  void leg_leavesBeforeTheWaitBegan_intervalEndsAtItsStart() {
    Leg leg = new Leg("leg1", "london", null, T0, true);
    leg.enterLobby(at(5));
    leg.leaveLobby(at(2));
    assertEquals(List.of(new Interval(at(5), at(5))), leg.lobbyIntervals());
  }

  @Test
  void leg_neverWaited_noIntervals() {
    assertEquals(List.of(), new Leg("leg1", "london", null, T0, true).lobbyIntervals());
  }

  @Test
  void leg_snapshotDuration_fromTheRecordElseFromJoinAndLeave() {
    Leg leg = new Leg("leg1", "london", null, T0, true);
    assertEquals(null, leg.snapshot().duration());
    leg.leftAt = at(75);
    assertEquals(java.time.Duration.ofSeconds(75), leg.snapshot().duration());
    leg.hasDuration = true;
    leg.durationSeconds = 3_912;
    assertEquals(java.time.Duration.ofSeconds(3_912), leg.snapshot().duration());
  }
}
