package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.RecordHeader;
import io.mmsdk.cdr.UnknownRecord;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 001 notifications: "CDR records missing", raised when seen and cleared when resolved. */
class CdrNotificationsTest {
  private static final Instant T = Instant.parse("2026-11-24T09:00:00Z");
  private static final CdrOrigin ORIGIN = CdrOrigin.ofCluster("europe");

  private static CdrEvent.RecordReceived received(long index) {
    return new CdrEvent.RecordReceived(ORIGIN, "s1", "cb1",
        new UnknownRecord(new RecordHeader("x", T, index, index, 0), List.of()), false);
  }

  private static CdrEvent.RecordsMissing gap(long first, long last) {
    return new CdrEvent.RecordsMissing(ORIGIN, "s1", "cb1",
        CdrEvent.RecordsMissing.Cause.SEQUENCE_GAP, last - first + 1, first, last, false);
  }

  @Test
  void sequenceGap_raisedThenClearedWhenEveryMissingRecordArrived() {
    Notifications n = Notifications.create(SimulatedClock.startingAt(T));
    CdrNotifications listener = CdrNotifications.create(n);
    listener.onEvent(received(1));
    listener.onEvent(gap(2, 3));
    listener.onEvent(received(4));
    var raised = n.find("cdr.missing.s1").orElseThrow();
    assertEquals(Severity.WARNING, raised.severity());
    assertTrue(raised.message().contains("2 record(s)"), raised.message());
    listener.onEvent(received(3));
    assertTrue(n.find("cdr.missing.s1").isPresent());
    listener.onEvent(received(2));
    assertTrue(n.find("cdr.missing.s1").isEmpty());
  }

  @Test
  void discardedByCallBridge_errorThatStays() {
    Notifications n = Notifications.create(SimulatedClock.startingAt(T));
    CdrNotifications listener = CdrNotifications.create(n);
    listener.onEvent(new CdrEvent.RecordsMissing(ORIGIN, "s1", "cb1",
        CdrEvent.RecordsMissing.Cause.DISCARDED_BY_CALL_BRIDGE, 5, 10, 14, false));
    listener.onEvent(received(20));
    assertEquals(Severity.ERROR, n.find("cdr.missing.s1").orElseThrow().severity());
  }
}
