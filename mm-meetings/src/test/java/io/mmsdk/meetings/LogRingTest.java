package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogRingTest {
  @Test
  void entries_timesKindsAndStringsOfEveryRange_madeAgainEqual() {
    List<LogEntry> in = List.of(
        new LogEntry(Instant.MIN, LogKind.MEETING_STARTED, null, ""),
        new LogEntry(Instant.MAX, LogKind.MEETING_MERGED, "call1", "x"),
        new LogEntry(Instant.EPOCH, LogKind.CALL_ENDED, "call1", "callEnded"),
        new LogEntry(Instant.ofEpochSecond(-1, 999_999_999), LogKind.PARTICIPANT_LEFT, "leg1", ""),
        new LogEntry(Instant.parse("2026-03-02T09:00:00.123456789Z"), LogKind.RESYNCED, "",
            "Bob gone"));
    LogRing ring = new LogRing();
    for (LogEntry e : in) {
      ring.addLast(e.time(), e.kind(), e.subject(), e.detail(), 100);
    }
    assertEquals(in, ring.entries());
    assertEquals(500, ring.bytes());
  }

  @Test
  void entries_ofOneTime_shareOneInstantAndFormAnImmutableList() {
    LogRing ring = new LogRing();
    Instant t = Instant.parse("2026-03-02T09:00:00.5Z");
    ring.addLast(t, LogKind.CALL_ENDED, "call1", "callEnded", 64);
    ring.addLast(Instant.parse("2026-03-02T09:00:00.5Z"), LogKind.MEETING_ENDED, "call1",
        "callEnded", 64);
    List<LogEntry> out = ring.entries();
    assertSame(out.get(0).time(), out.get(1).time());
    assertSame(out, List.copyOf(out), "Meeting keeps it without a copy");
  }

  @Test
  void removeFirst_whileGrowingAndWrapping_keepsOrderAndEstimates() {
    LogRing ring = new LogRing();
    List<LogEntry> kept = new ArrayList<>();
    List<Integer> estimates = new ArrayList<>();
    Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
    for (int i = 0; i < 200; i++) {
      LogEntry e = new LogEntry(t0.plusMillis(i), LogKind.values()[i % LogKind.values().length],
          "leg" + i, "d" + i);
      ring.addLast(e.time(), e.kind(), e.subject(), e.detail(), 64 + i);
      kept.add(e);
      estimates.add(64 + i);
      if (i % 3 == 0) { // drops one of every three appended, so the ring both wraps and grows
        ring.removeFirst();
        kept.remove(0);
        estimates.remove(0);
      }
      assertEquals(kept, ring.entries(), "after entry " + i);
      assertEquals(estimates.stream().mapToLong(Integer::longValue).sum(), ring.bytes());
    }
    ring.clear();
    assertEquals(List.of(), ring.entries());
    assertEquals(0, ring.bytes());
    LogEntry e = new LogEntry(t0, LogKind.MEETING_STARTED, "call1", "");
    ring.addLast(e.time(), e.kind(), e.subject(), e.detail(), 64);
    assertEquals(List.of(e), ring.entries());
  }
}
