package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.TrackerState.M;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLogTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private static long sum(M m) {
    return m.log().entries().stream().mapToLong(BoundedLog::estimatedBytes).sum();
  }

  @Test
  void append_entriesOfMixedSizesPastTheByteBound_keptBytesMatchTheKeptEntries() {
    BoundedLog log = new BoundedLog(5_000, 4_096);
    M m = new TrackerState(log, null, 1).newMeeting("call1", "london", T0);
    List<LogEntry> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      LogEntry e = new LogEntry(T0.plusSeconds(i), LogKind.PARTICIPANT_CONNECTED, "leg" + i,
          "x".repeat(i % 97));
      all.add(e);
      log.append(m, e.time(), e.kind(), e.subject(), e.detail());
      assertEquals(sum(m), m.log().bytes(), "after entry " + i);
      assertTrue(m.log().bytes() <= 4_096, m.log().bytes() + " bytes after entry " + i);
    }
    assertEquals(all.subList(all.size() - m.log().size(), all.size()), m.log().entries(),
        "the newest entries, in order");
  }

  @Test
  void clear_thenAppend_countsOnlyTheNewEntries() {
    BoundedLog log = new BoundedLog(3, 1 << 20);
    M m = new TrackerState(log, null, 1).newMeeting("call1", "london", T0);
    for (int i = 0; i < 20; i++) {
      log.append(m, T0, LogKind.RECORDS_MISSING, "s" + i, "d".repeat(i));
    }
    assertEquals(3, m.log().size());
    m.log().clear();
    assertEquals(0, m.log().bytes());
    LogEntry e = new LogEntry(T0, LogKind.MEETING_STARTED, "call1", "");
    log.append(m, e.time(), e.kind(), e.subject(), e.detail());
    assertEquals(List.of(e), m.log().entries());
    assertEquals(BoundedLog.estimatedBytes(e), m.log().bytes());
  }
}
