package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.mmsdk.cdr.CallEnd;
import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.cdr.CallLegStart;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CallStart;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.RecordHeader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuePoolTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /** A copy of {@code s} of its own, as a parser makes for each record. */
  private static String fresh(String s) {
    return new String(s.toCharArray());
  }

  @Test
  void share_equalValues_oneInstanceUpToTheBound() {
    ValuePool pool = new ValuePool();
    String first = fresh("remoteTeardown");
    assertSame(first, pool.share(first));
    assertSame(first, pool.share(fresh("remoteTeardown")));
    assertNull(pool.share((String) null));
    for (int i = 1; i < ValuePool.MAX_VALUES; i++) {
      pool.share("value" + i);
    }
    String late = fresh("late");
    assertSame(late, pool.share(late));
    assertNotSame(late, pool.share(fresh("late")), "past the bound, values are kept as given");
    assertEquals("late", pool.share(fresh("late")));
  }

  @Test
  void share_alarms_typesPooledListKeptWhenAlreadyPooled() {
    ValuePool pool = new ValuePool();
    List<CallLegEnd.Alarm> first = List.of(new CallLegEnd.Alarm(fresh("packetLoss"), 0.1),
        new CallLegEnd.Alarm(fresh("excessiveJitter"), 0.0));
    assertSame(first, pool.share(first));
    List<CallLegEnd.Alarm> second = List.of(new CallLegEnd.Alarm(fresh("packetLoss"), 9.5),
        new CallLegEnd.Alarm(fresh("highRoundTripTime"), null));
    List<CallLegEnd.Alarm> shared = pool.share(second);
    assertEquals(second, shared);
    assertSame(first.get(0).type(), shared.get(0).type());
    assertSame(second.get(1), shared.get(1), "an alarm whose type is pooled already is kept");
  }

  @Test
  void tracker_legsOfSeparateRecords_keepOneCopyOfRepeatedValues() {
    MeetingTracker tracker = MeetingTracker.builder().build();
    try (tracker) {
      String call = "call0001-0000-4000-8000-000000000001";
      feed(tracker, new CallStart(header("callStart"), fresh(call), "Weekly", null,
          fresh("coSpace"), null, null, null, null, List.of()));
      for (String leg : List.of("legA", "legB")) {
        feed(tracker, new CallLegStart(header("callLegStart"), leg, fresh(call), "Ada " + leg,
            "ada@example.org", null, null, "sip", null, null, fresh("incoming"), null, null, null,
            null, null, null, null, null, null, null, null, null, false, List.of()));
        feed(tracker, new CallLegUpdate(header("callLegUpdate"), leg, "connected", fresh(call),
            false, false, null, null, null, null, null, null, null, null, List.of()));
        feed(tracker, new CallLegEnd(header("callLegEnd"), leg, fresh("remoteTeardown"), true,
            60L, 60L, null, null, null, null, null, null, null, null,
            List.of(new CallLegEnd.Alarm(fresh("packetLoss"), 0.1)), null, null, null, null,
            List.of()));
      }
      feed(tracker, new CallEnd(header("callEnd"), fresh(call), 2L, 2L, 60L, null, List.of()));
      Meeting m = tracker.findMeeting(call).orElseThrow();
      Meeting.Participant a = m.participants().get(0);
      Meeting.Participant b = m.participants().get(1);
      assertEquals(List.of("incoming", "remoteTeardown", "packetLoss"),
          List.of(b.direction(), b.endReason(), b.alarms().get(0).type()));
      assertSame(a.direction(), b.direction());
      assertSame(a.endReason(), b.endReason());
      assertSame(a.alarms().get(0).type(), b.alarms().get(0).type());
      assertSame(m.calls().get(0).callId(), a.callId(), "the leg keeps the call's copy");
      assertSame(m.calls().get(0).callId(), b.callId());
    }
  }

  private long index;

  private RecordHeader header(String type) {
    index++;
    return new RecordHeader(type, T0.plusSeconds(index), index, index, 0);
  }

  private static void feed(MeetingTracker tracker, CdrRecord r) {
    tracker.onEvent(new CdrEvent.RecordReceived(CdrOrigin.ofCluster("london"), "session-1",
        "cb-1", r, false));
  }
}
