package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cms.events.EventUpdate;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.Participant;
import io.mmsdk.meetings.Meeting.ParticipantState;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tracker's merge of CDRs, Events and REST re-syncs, driven directly (no sockets). */
class LiveViewTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final SimulatedClock clock = SimulatedClock.startingAt(T0.plusSeconds(3600));
  private final List<MeetingChange> changes = new ArrayList<>();
  private final List<SourceGap> gaps = new ArrayList<>();
  private final MeetingTracker tracker = MeetingTracker.builder().scheduler(clock)
      .listenerExecutor(Runnable::run)
      .addListener(new MeetingListener() {
        @Override
        public void onMeetingChanged(MeetingChange change) {
          changes.add(change);
        }

        @Override
        public void onSourceGap(SourceGap gap) {
          gaps.add(gap);
        }
      }).build();
  private final Records cdr = new Records(tracker, "london");

  @AfterEach
  void close() {
    tracker.close();
  }

  private Participant participant(String callId, String legId) {
    return tracker.findMeetingByCall("london", callId).orElseThrow().participants().stream()
        .filter(p -> p.callLegId().equals(legId)).findFirst().orElseThrow();
  }

  @Test
  void eventsBeforeCdr_keptAndAppliedWhenTheCallAndParticipantAppear() {
    tracker.onCallInfo("london", "cb1", "c1", Map.of("lockState", "locked", "recording", "true"));
    tracker.onRosterUpdate("london", "c1", new EventUpdate("p1", "add",
        Map.of("audioMuted", "true", "importance", "2", "layout", "speakerOnly",
            "activeSpeaker", "true")));
    assertTrue(tracker.meetings().isEmpty(), "events alone start no meeting");

    cdr.callStart(T0, "c1", "Review", "space-1", "Ann Owner", "tenant-1", "tag-7");
    cdr.legStart(T0.plusSeconds(1), "l1", "c1", "Alice", "alice@example.com", "p1");
    Meeting m = tracker.findMeetingByCall("london", "c1").orElseThrow();
    assertTrue(m.locked());
    assertTrue(m.recording());
    assertEquals("Ann Owner", m.ownerName());
    assertEquals("tenant-1", m.tenant());
    assertEquals("tag-7", m.cdrTag());
    Participant a = participant("c1", "l1");
    assertEquals("p1", a.participantId());
    assertTrue(a.mute().rxAudio());
    assertFalse(a.mute().txAudio());
    assertEquals(2L, a.importance());
    assertEquals("speakerOnly", a.layout());
    assertTrue(a.activeSpeaker());
    assertEquals("Review", changes.get(0).name(), "the start event carries the name");
    assertEquals("Review", changes.get(0).entry().detail());
  }

  @Test
  void rosterUpdate_changesStateInPlace_notKeptInLog_removeDoesNotEnd() {
    cdr.meeting("c1", "s", T0, null, "a@example.com");
    int logSize = tracker.findMeeting("c1").orElseThrow().log().size();
    tracker.onRosterUpdate("london", "c1", new EventUpdate("part-c1", "update",
        Map.of("videoMuted", "true", "presenter", "true", "importance", "not-a-number")));
    Participant p = participant("c1", "leg-c1");
    assertTrue(p.mute().rxVideo());
    assertTrue(p.presenter());
    assertNull(p.importance(), "a bad number is ignored, not fatal");
    assertEquals(logSize, tracker.findMeeting("c1").orElseThrow().log().size());
    assertEquals(LogKind.PARTICIPANT_UPDATED, changes.get(changes.size() - 1).entry().kind());
    assertTrue(changes.get(changes.size() - 1).participant().presenter());

    tracker.onRosterUpdate("london", "c1", new EventUpdate("part-c1", "remove", Map.of()));
    assertEquals(ParticipantState.CONNECTED, participant("c1", "leg-c1").state(),
        "CDRs decide who left");
  }

  @Test
  void resyncFirst_thenCdr_recordTimesWin() {
    Instant now = clock.instant();
    tracker.resync("london", List.of(new RestSnapshot.Call("cb1", "c1", "Review", "space-1",
        "corr-c1", "coSpace", null, "Ann", true, false, false, 600L,
        List.of(new RestSnapshot.Leg("l1", "p1", "Alice", "alice@example.com", "incoming", false,
            "connected", false, 300L, new Meeting.Mute(true, false, false, true), "allEqual",
            List.of())))), Set.of("cb1"), true);
    Meeting m = tracker.findMeetingByCall("london", "c1").orElseThrow();
    assertEquals(now.minusSeconds(600), m.startTime(), "estimated from durationSeconds");
    assertTrue(m.locked());
    assertEquals("cb1", m.calls().get(0).bridgeId());
    Participant a = participant("c1", "l1");
    assertEquals(now.minusSeconds(300), a.joinedAt());
    assertEquals(ParticipantState.CONNECTED, a.state());
    assertTrue(a.mute().txVideo());
    assertEquals("allEqual", a.layout());

    cdr.callStart(T0, "c1", "Review", "space-1");
    cdr.legStart(T0.plusSeconds(5), "l1", "c1", "Alice", "alice@example.com", "p1");
    m = tracker.findMeetingByCall("london", "c1").orElseThrow();
    assertEquals(T0, m.startTime(), "the callStart's time replaces the estimate");
    assertEquals(T0.plusSeconds(5), participant("c1", "l1").joinedAt());
    assertEquals(1, tracker.meetings().size());
  }

  @Test
  void resync_endsWhatNoBridgeLists_laterCdrGivesTheRealEnd() {
    cdr.meeting("c1", "s", T0, null, "a@example.com");
    cdr.legStart(T0, "l2", "c1", "Bob", "b@example.com", "p2");
    cdr.legUpdate(T0, "l2", "c1", false);
    tracker.resync("london", List.of(new RestSnapshot.Call("cb1", "c1", null, null, null, null,
        null, null, null, null, null, 3600L,
        List.of(new RestSnapshot.Leg("leg-c1", "part-c1", null, null, null, false, "connected",
            false, 3600L, null, null, List.of())))), Set.of("cb1"), true);
    Participant bob = participant("c1", "l2");
    assertEquals(ParticipantState.ENDED, bob.state());
    assertEquals(MeetingTracker.NOT_FOUND_ON_RESYNC, bob.endReason());
    assertEquals(clock.instant(), bob.leftAt());
    Meeting m = tracker.findMeetingByCall("london", "c1").orElseThrow();
    assertTrue(m.log().stream().anyMatch(e -> e.kind() == LogKind.RESYNCED
        && e.detail().equals("Bob gone")), m.log().toString());

    cdr.legEnd(T0.plusSeconds(90), "l2", "remoteTeardown",
        List.of(new CallLegEnd.Alarm("packetLoss", 1.5)), 90L);
    bob = participant("c1", "l2");
    assertEquals(T0.plusSeconds(90), bob.leftAt(), "the record's time replaces the re-sync's");
    assertEquals("remoteTeardown", bob.endReason());
    assertEquals(Duration.ofSeconds(90), bob.duration());
    assertEquals(List.of(new CallLegEnd.Alarm("packetLoss", 1.5)), bob.alarms());

    tracker.resync("london", List.of(), Set.of("cb1"), true);
    assertFalse(tracker.findMeetingByCall("london", "c1").orElseThrow().isActive(),
        "a call no bridge lists any more ends");
  }

  @Test
  void lookups_bySpaceCallAndParticipant() {
    cdr.meeting("c1", "space-1", T0, null, "a@example.com");
    cdr.meeting("c2", "space-2", T0, T0.plusSeconds(60), "b@example.com");
    assertEquals("c1", tracker.findActiveMeetingInSpace("london", "space-1").orElseThrow().id());
    assertTrue(tracker.findActiveMeetingInSpace("london", "space-2").isEmpty(), "ended");
    assertTrue(tracker.findActiveMeetingInSpace("paris", "space-1").isEmpty());
    assertEquals("c1", tracker.findMeetingOfParticipant("london", "leg-c1").orElseThrow().id());
    assertEquals("c1", tracker.findMeetingOfParticipant("london", "part-c1").orElseThrow().id());
    assertEquals("c2", tracker.findMeetingOfParticipant("london", "part-c2").orElseThrow().id(),
        "a participant that left is still found");
    assertTrue(tracker.findMeetingOfParticipant("london", "nobody").isEmpty());
  }

  @Test
  void resync_bridgeThatDidNotAnswer_itsCallsLeftRunning() {
    cdr.meeting("c1", "s1", T0, null, "a@example.com");
    cdr.meeting("c2", "s2", T0, null, "b@example.com");
    cdr.meeting("c3", "s3", T0, null, "c@example.com");
    tracker.onCallInfo("london", "cb1", "c1", Map.of());
    tracker.onCallInfo("london", "cb2", "c2", Map.of());
    tracker.resync("london", List.of(), Set.of("cb1"), false); // cb2 did not answer
    assertFalse(tracker.findMeeting("c1").orElseThrow().isActive(), "cb1 no longer lists it");
    assertTrue(tracker.findMeeting("c2").orElseThrow().isActive(), "cb2 was not asked");
    assertTrue(tracker.findMeeting("c3").orElseThrow().isActive(),
        "no bridge claimed it and not every bridge answered");
    tracker.resync("london", List.of(), Set.of("cb1", "cb2"), true);
    assertFalse(tracker.findMeeting("c2").orElseThrow().isActive());
    assertFalse(tracker.findMeeting("c3").orElseThrow().isActive());
  }

  @Test
  void lobby_intervalsFromRecordTimes() {
    cdr.meeting("c1", "s", T0, null, "a@example.com");
    cdr.legUpdate(T0.plusSeconds(10), "leg-c1", "c1", true);
    cdr.legUpdate(T0.plusSeconds(40), "leg-c1", "c1", false);
    cdr.legUpdate(T0.plusSeconds(50), "leg-c1", "c1", true);
    List<Meeting.Interval> lobby = participant("c1", "leg-c1").lobbyIntervals();
    assertEquals(List.of(new Meeting.Interval(T0.plusSeconds(10), T0.plusSeconds(40)),
        new Meeting.Interval(T0.plusSeconds(50), null)), lobby);
    assertEquals(ParticipantState.IN_LOBBY, participant("c1", "leg-c1").state());
  }

  @Test
  void cdrGap_reportedOnceEvenWhenDeliveredAgain() {
    cdr.meeting("c1", "s", T0, null, "a@example.com");
    CdrEvent.RecordsMissing gap = new CdrEvent.RecordsMissing(CdrOrigin.ofCluster("london"),
        "session-1", "cb-1", CdrEvent.RecordsMissing.Cause.SEQUENCE_GAP, 3, 4, 6, false);
    tracker.onEvent(gap);
    tracker.onEvent(gap);
    assertEquals(1, gaps.size(), gaps.toString());
    assertEquals(SourceGap.Source.CDR, gaps.get(0).source());
    assertTrue(gaps.get(0).detail().contains("4..6"), gaps.get(0).detail());
    assertEquals(1, tracker.findMeeting("c1").orElseThrow().log().stream()
        .filter(e -> e.kind() == LogKind.RECORDS_MISSING).count());
  }

  @Test
  void callInfoBeforeTheCdr_keepsTheReportingBridge() {
    // The events socket can report a call before the bridge's callStart CDR arrives.
    tracker.onCallInfo("london", "cb1", "c1", Map.of("lockState", "locked"));
    cdr.meeting("c1", "s", T0, null, "a@example.com");
    Meeting m = tracker.findMeeting("c1").orElseThrow();
    assertTrue(m.locked());
    assertEquals("cb1", m.calls().get(0).bridgeId());
  }

  @Test
  void untrackedCluster_ignoredAndForgotten() {
    cdr.meeting("c1", "s", T0, null, "a@example.com");
    tracker.trackOnly(cluster -> !cluster.equals("london"));
    cdr.meeting("c2", "s2", T0, null, "b@example.com");
    tracker.onCallInfo("london", "cb1", "c1", Map.of("lockState", "locked"));
    assertFalse(tracker.findMeeting("c1").orElseThrow().locked());
    assertTrue(tracker.findMeeting("c2").isEmpty());
    tracker.forgetCluster("london");
    assertTrue(tracker.meetings().isEmpty());
  }
}
