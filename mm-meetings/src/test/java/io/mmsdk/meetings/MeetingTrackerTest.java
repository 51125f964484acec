package io.mmsdk.meetings;

import static io.mmsdk.cdr.Batches.doc;
import static io.mmsdk.cdr.Batches.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.Batches;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrParser;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.Fixtures;
import io.mmsdk.cdr.ReceivedBatch;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.ParticipantState;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeetingTrackerTest {
  private static final String BRIDGE_A = "cb00000a-0000-4000-8000-00000000000a";
  private static final String BRIDGE_B = "cb00000b-0000-4000-8000-00000000000b";
  private final SimulatedClock scheduler =
      SimulatedClock.startingAt(Instant.parse("2026-03-02T14:00:00Z"));
  private final List<Meeting.LogEntry> changes = new ArrayList<>();
  private final MeetingTracker tracker = MeetingTracker.builder().scheduler(scheduler)
      .listenerExecutor(Runnable::run).addListener(c -> changes.add(c.entry())).build();
  private final CdrPipeline pipeline = CdrPipeline.builder().addListener(tracker).build();
  private final CdrParser parser = CdrParser.create();
  private final List<CdrPipeline> opened = new ArrayList<>();

  private CdrPipeline opened(CdrPipeline p) {
    opened.add(p);
    return p;
  }

  @AfterEach
  void close() {
    opened.forEach(CdrPipeline::close);
    pipeline.close();
    tracker.close();
  }

  private void post(byte[] xml) {
    pipeline.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), scheduler.now(), xml,
        parser.parse(xml)));
    assertTrue(pipeline.awaitDelivered(java.time.Duration.ofSeconds(30)));
  }

  private Meeting only() {
    List<Meeting> active = tracker.activeMeetings();
    assertEquals(1, active.size(), active.toString());
    return active.get(0);
  }

  @Test
  void legStartsBeforeItsCall_joinsMeetingThenEndsWithReason() {
    post(Fixtures.bytes("multi-record-batch.xml"));
    assertTrue(tracker.activeMeetings().isEmpty());
    Meeting m = tracker.findMeeting("call0001-0000-4000-8000-000000000001").orElseThrow();
    assertEquals("Weekly Review", m.name());
    assertEquals(Meeting.State.ENDED, m.state());
    assertEquals("callEnded", m.endReason());
    Meeting.Participant ada = m.participants().get(0);
    assertEquals("Ada Lovelace", ada.displayName());
    assertEquals(ParticipantState.ENDED, ada.state());
    assertEquals("remoteTeardown", ada.endReason());
    assertEquals(List.of(LogKind.MEETING_STARTED, LogKind.PARTICIPANT_JOINED,
            LogKind.PARTICIPANT_CONNECTED, LogKind.PARTICIPANT_LEFT, LogKind.CALL_ENDED,
            LogKind.MEETING_ENDED),
        m.log().stream().map(Meeting.LogEntry::kind).toList());
  }

  @Test
  void meetingOverTwoBridges_mergedByCorrelatorAndEndsWithLastCall() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    post(Fixtures.bytes("two-bridges-b.xml"));
    Meeting m = only();
    assertEquals(2, m.calls().size());
    assertEquals(List.of("Grace Hopper", "Alan Turing"),
        m.participants().stream().map(Meeting.Participant::displayName).toList(),
        "the distribution link is not a participant");
    assertEquals(ParticipantState.CONNECTED, m.participants().get(0).state());
    assertEquals(ParticipantState.IN_LOBBY, m.participants().get(1).state());
    assertEquals(BRIDGE_B, m.participants().get(1).callBridge());

    post(doc("aaaaaaaa-0000-4000-8000-00000000000a", BRIDGE_A,
        record("callEnd", 4, 103, "<call id=\"callA001-0000-4000-8000-00000000000a\"/>")));
    m = only();
    assertEquals(ParticipantState.ENDED, m.participants().get(0).state());
    assertEquals("callEnded", m.participants().get(0).endReason());
    assertTrue(m.isActive());

    post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
        record("callEnd", 11, 504, "<call id=\"callB001-0000-4000-8000-00000000000b\"/>")));
    assertTrue(tracker.activeMeetings().isEmpty());
    assertEquals(Meeting.State.ENDED, tracker.meetings().get(0).state());
  }

  @Test
  void lobby_deactivatedThenActivated_stateFollows() {
    post(Fixtures.bytes("two-bridges-b.xml"));
    assertEquals(ParticipantState.IN_LOBBY, only().participants().get(0).state());
    post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
        record("callLegUpdate", 11, 504, "<callLeg id=\"legB0001-0000-4000-8000-00000000000b\">"
            + "<deactivated>false</deactivated></callLeg>")));
    assertEquals(ParticipantState.CONNECTED, only().participants().get(0).state());
    assertEquals(LogKind.PARTICIPANT_CONNECTED, changes.get(changes.size() - 1).kind());
  }

  @Test
  void duplicates_notCountedTwice() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    post(Fixtures.bytes("two-bridges-a.xml"));
    Meeting m = only();
    assertEquals(1, m.participants().size());
    assertEquals(3, m.log().size());
  }

  @Test
  void bridgeRestart_callsOnThatBridgeEnd() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    post(Fixtures.bytes("two-bridges-b.xml"));
    post(doc("aaaaaaaa-0000-4000-8000-0000000000a2", BRIDGE_A,
        record("callLegStart", 1, 0, "<callLeg id=\"legA0002-0000-4000-8000-00000000000a\">"
            + "<ivr/></callLeg>")));
    Meeting m = only();
    Meeting.Participant grace = m.participants().get(0);
    assertEquals(ParticipantState.ENDED, grace.state());
    assertEquals("callBridgeRestarted", grace.endReason());
    assertTrue(m.calls().get(0).ended());
    assertFalse(m.calls().get(1).ended());
  }

  @Test
  void gap_loggedOnMeetingsOfThatSession() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    post(doc("aaaaaaaa-0000-4000-8000-00000000000a", BRIDGE_A,
        record("callLegUpdate", 9, 110, "<callLeg id=\"legA0001-0000-4000-8000-00000000000a\">"
            + "<deactivated>true</deactivated></callLeg>")));
    Meeting m = only();
    assertTrue(m.log().stream().anyMatch(e -> e.kind() == LogKind.RECORDS_MISSING
        && e.detail().equals("5 records SEQUENCE_GAP")), m.log().toString());
    assertEquals(ParticipantState.IN_LOBBY, m.participants().get(0).state());
  }

  @Test
  void callStartMissing_meetingFromLegThenMergedWhenOtherBridgeMatches() {
    // Bridge B's callStart is lost; its leg names the call, then A's callStart arrives.
    post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
        record("callLegStart", 1, 1, "<callLeg id=\"leg1\"><displayName>Lin</displayName>"
            + "<call>callB</call></callLeg>")));
    Meeting provisional = only();
    assertNull(provisional.name());
    post(doc("aaaaaaaa-0000-4000-8000-00000000000a", BRIDGE_A,
        record("callStart", 1, 1, "<call id=\"callA\"><name>Design</name>"
            + "<callCorrelator>K</callCorrelator></call>")));
    post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
        record("callStart", 2, 2, "<call id=\"callB\"><name>Design</name>"
            + "<callCorrelator>K</callCorrelator></call>")));
    Meeting m = only();
    assertEquals("Design", m.name());
    assertEquals(2, m.calls().size());
    assertEquals("Lin", m.participants().get(0).displayName());
  }

  @Test
  void retention_endedMeetingKeptSevenDaysOnSchedulerClock() {
    post(Fixtures.bytes("multi-record-batch.xml"));
    scheduler.advance(Duration.ofDays(6).plusHours(23));
    assertEquals(1, tracker.meetings().size());
    scheduler.advance(Duration.ofHours(2));
    assertTrue(tracker.meetings().isEmpty());
  }

  @Test
  void activeMeetingsInSpacesTagged_callsTheLookupWithoutTheTrackerLock() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    // The lookup asks the tracker from another thread: under the tracker's lock this would wait
    // until the timeout.
    List<Meeting> found = tracker.activeMeetingsInSpacesTagged("emea", space -> {
      try {
        CompletableFuture.supplyAsync(tracker::meetings).get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the lookup ran under the tracker's lock", e);
      }
      return Set.of("emea");
    });
    assertEquals(1, found.size());
  }

  @Test
  void activeMeetingsInSpacesTagged_usesCallerLookup() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    Map<String, Set<String>> tags =
        Map.of("space002-0000-4000-8000-000000000002", Set.of("sales", "emea"));
    assertEquals(1, tracker.activeMeetingsInSpacesTagged("emea",
        s -> tags.getOrDefault(s, Set.of())).size());
    assertTrue(tracker.activeMeetingsInSpacesTagged("apac",
        s -> tags.getOrDefault(s, Set.of())).isEmpty());
    assertEquals(1, tracker.activeMeetings("london").size());
    assertTrue(tracker.activeMeetings("paris").isEmpty());
  }

  @Test
  void recordingAndStreaming_logged() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    post(doc("aaaaaaaa-0000-4000-8000-00000000000a", BRIDGE_A,
        record("recordingStart", 4, 103, "<recording id=\"r1\"><path>p</path>"
            + "<call>callA001-0000-4000-8000-00000000000a</call></recording>"),
        record("recordingEnd", 5, 104, "<recording id=\"r1\"/>")));
    List<LogKind> kinds = only().log().stream().map(Meeting.LogEntry::kind).toList();
    assertTrue(kinds.containsAll(List.of(LogKind.RECORDING_STARTED, LogKind.RECORDING_STOPPED)),
        kinds.toString());
  }

  @Test
  void missingCallLegStartAndEnd_legFromUpdateEndedByCallEnd() {
    post(doc("cccccccc-0000-4000-8000-00000000000c", null,
        record("callStart", 1, 1, "<call id=\"callC\"><name>Ops</name></call>"),
        record("callLegUpdate", 3, 3, "<callLeg id=\"legC\"><state>connected</state>"
            + "<call>callC</call><displayName>Mo</displayName></callLeg>")));
    Meeting m = only();
    assertEquals(ParticipantState.CONNECTED, m.participants().get(0).state());
    assertEquals("Mo", m.participants().get(0).displayName());
    post(doc("cccccccc-0000-4000-8000-00000000000c", null,
        record("callEnd", 4, 4, "<call id=\"callC\"/>")));
    Meeting ended = tracker.meetings().get(0);
    assertEquals(Meeting.State.ENDED, ended.state());
    assertEquals("callEnded", ended.participants().get(0).endReason());
  }

  @Test
  void lateUpdateAfterLegEnded_ignored() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    post(doc("aaaaaaaa-0000-4000-8000-00000000000a", BRIDGE_A,
        record("callLegEnd", 4, 103, "<callLeg id=\"legA0001-0000-4000-8000-00000000000a\">"
            + "<reason>remoteTeardown</reason></callLeg>"),
        record("callLegUpdate", 5, 104, "<callLeg id=\"legA0001-0000-4000-8000-00000000000a\">"
            + "<state>connected</state><call>callA001-0000-4000-8000-00000000000a</call></callLeg>")));
    Meeting m = only();
    assertEquals(1, m.participants().size());
    assertEquals(ParticipantState.ENDED, m.participants().get(0).state());
  }

  @Test
  void listener_calledAfterTrackerLockReleased() {
    List<Boolean> lockHeld = new ArrayList<>();
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .listenerExecutor(Runnable::run).build()) {
      t.addListener(c -> lockHeld.add(Thread.holdsLock(t)));
      CdrPipeline p = opened(CdrPipeline.builder().addListener(t).build());
      byte[] xml = Fixtures.bytes("two-bridges-a.xml");
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), scheduler.now(), xml,
          parser.parse(xml)));
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
    }
    assertFalse(lockHeld.isEmpty());
    assertEquals(List.of(false), lockHeld.stream().distinct().toList());
  }

  @Test
  void listener_runsOnSuppliedExecutorInOrderOneTaskAtATime() {
    List<Runnable> tasks = new ArrayList<>();
    List<MeetingChange> seen = new ArrayList<>();
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .listenerExecutor(tasks::add).addListener(seen::add).build()) {
      CdrPipeline p = opened(CdrPipeline.builder().addListener(t).build());
      for (String f : List.of("two-bridges-a.xml", "two-bridges-b.xml")) {
        byte[] xml = Fixtures.bytes(f);
        p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), scheduler.now(), xml,
            parser.parse(xml)));
        assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
      }
      assertTrue(seen.isEmpty(), "nothing told before the executor runs the task");
      assertEquals(1, tasks.size(), "one delivery task while one is pending");
      tasks.remove(0).run();
      Meeting m = t.activeMeetings().get(0);
      assertEquals(m.log(), seen.stream().map(MeetingChange::entry).toList());
      assertTrue(seen.stream().allMatch(c -> c.meetingId().equals(m.id())
          && c.clusterId().equals("london")));
    }
  }

  @Test
  void change_carriesEntryAndParticipantNotTheLog() {
    post(Fixtures.bytes("two-bridges-b.xml"));
    List<MeetingChange> seen = new ArrayList<>();
    tracker.addListener(seen::add);
    post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
        record("callLegUpdate", 11, 504, "<callLeg id=\"legB0001-0000-4000-8000-00000000000b\">"
            + "<deactivated>false</deactivated></callLeg>")));
    assertEquals(1, seen.size(), seen.toString());
    MeetingChange c = seen.get(0);
    assertEquals(LogKind.PARTICIPANT_CONNECTED, c.entry().kind());
    assertEquals("legB0001-0000-4000-8000-00000000000b", c.participant().callLegId());
    assertEquals(ParticipantState.CONNECTED, c.participant().state());
    assertEquals(Meeting.State.ACTIVE, c.state());
    assertEquals(only().id(), c.meetingId());
  }

  @Test
  void addListener_registrationClosed_listenerToldNoMoreWhileOthersAre() {
    List<MeetingChange> seen = new ArrayList<>();
    Registration r = tracker.addListener(seen::add);
    post(Fixtures.bytes("two-bridges-b.xml"));
    int heard = seen.size();
    assertTrue(heard > 0, "the fixture makes changes");
    r.close();
    r.close();
    int before = changes.size();
    post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
        record("callLegUpdate", 11, 504, "<callLeg id=\"legB0001-0000-4000-8000-00000000000b\">"
            + "<deactivated>false</deactivated></callLeg>")));
    assertEquals(before + 1, changes.size());
    assertEquals(heard, seen.size());
  }

  @Test
  void slowListener_changesBeyondBoundDroppedAndCounted() {
    List<Runnable> tasks = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .listenerExecutor(tasks::add).maxPendingChanges(2)
        .addListener(new MeetingListener() {
          @Override
          public void onMeetingChanged(MeetingChange change) {
            seen.add(change.entry().kind());
          }

          @Override
          public void onChangesDropped(long count) {
            seen.add(count);
          }
        }).build()) {
      CdrPipeline p = opened(CdrPipeline.builder().addListener(t).build());
      byte[] xml = Fixtures.bytes("multi-record-batch.xml"); // six changes
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), scheduler.now(), xml,
          parser.parse(xml)));
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
      tasks.remove(0).run();
      assertEquals(List.of(LogKind.MEETING_STARTED, LogKind.PARTICIPANT_JOINED, 4L), seen);
      assertEquals(6, t.meetings().get(0).log().size(), "the tracker's own state is complete");
    }
  }

  @Test
  void slowListener_dropsOfLaterHoldsAddedToTheWaitingCount() {
    List<Runnable> tasks = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .listenerExecutor(tasks::add).maxPendingChanges(2)
        .addListener(new MeetingListener() {
          @Override
          public void onMeetingChanged(MeetingChange change) {
            seen.add(change.entry().kind());
          }

          @Override
          public void onChangesDropped(long count) {
            seen.add(count);
          }
        }).build()) {
      CdrPipeline p = opened(CdrPipeline.builder().addListener(t).build());
      byte[] xml = Fixtures.bytes("multi-record-batch.xml"); // six changes: two wait, four dropped
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), scheduler.now(), xml,
          parser.parse(xml)));
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
      t.onEvent(callStart("callX")); // still two waiting: dropped as well
      tasks.remove(0).run();
      assertEquals(List.of(LogKind.MEETING_STARTED, LogKind.PARTICIPANT_JOINED, 5L), seen,
          "one count for the drops of both holds, after the changes before them");
      assertTrue(tasks.isEmpty());

      t.onEvent(callStart("callY")); // the listener caught up: told again
      assertEquals(1, tasks.size());
      tasks.remove(0).run();
      assertEquals(LogKind.MEETING_STARTED, seen.get(seen.size() - 1));
    }
  }

  private CdrEvent callStart(String callId) {
    return new CdrEvent.RecordReceived(CdrOrigin.ofCluster("london"), "s1", null,
        parser.parse(doc("s1", null, record("callStart", 1, 1,
            "<call id=\"" + callId + "\"><name>N</name></call>"))).records().get(0), false);
  }

  @Test
  void rejectingExecutor_trackerKeepsApplyingAndTriesAgainWithTheNextChange() {
    List<Integer> attempts = new ArrayList<>();
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .listenerExecutor(task -> {
          attempts.add(attempts.size());
          throw new java.util.concurrent.RejectedExecutionException("full");
        }).addListener(c -> { }).build()) {
      t.onEvent(callStart("callX"));
      t.onEvent(callStart("callY"));
      assertEquals(2, t.activeMeetings().size());
      assertEquals(2, attempts.size(), "each refused hand-off leaves the next one free to try");
    }
  }

  @Test
  void defaultExecutor_manyChangesOneHoldEach_toldInTheOrderMade() throws InterruptedException {
    int toggles = 1_000; // several chunks of the listener queue
    BlockingQueue<MeetingChange> seen = new LinkedBlockingQueue<>();
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .addListener(seen::add).build()) {
      t.onEvent(callStart("callX"));
      for (String r : List.of(
          record("callLegStart", 2, 2, "<callLeg id=\"legX\"><call>callX</call></callLeg>"),
          record("callLegUpdate", 3, 3, "<callLeg id=\"legX\"><state>connected</state>"
              + "<deactivated>false</deactivated></callLeg>"))) {
        t.onEvent(new CdrEvent.RecordReceived(CdrOrigin.ofCluster("london"), "s1", null,
            parser.parse(doc("s1", null, r)).records().get(0), false));
      }
      for (int i = 0; i < toggles; i++) {
        t.onEvent(new CdrEvent.RecordReceived(CdrOrigin.ofCluster("london"), "s1", null,
            parser.parse(doc("s1", null, record("callLegUpdate", 4 + i, 4 + i,
                "<callLeg id=\"legX\"><deactivated>" + (i % 2 == 0)
                    + "</deactivated></callLeg>"))).records().get(0), false));
      }
      List<LogKind> kinds = new ArrayList<>();
      for (int i = 0; i < 3 + toggles; i++) {
        MeetingChange c = seen.poll(30, TimeUnit.SECONDS);
        assertTrue(c != null, "told " + i + " changes of " + (3 + toggles));
        kinds.add(c.entry().kind());
      }
      assertEquals(List.of(LogKind.MEETING_STARTED, LogKind.PARTICIPANT_JOINED,
          LogKind.PARTICIPANT_CONNECTED), kinds.subList(0, 3));
      for (int i = 0; i < toggles; i++) {
        assertEquals(i % 2 == 0 ? LogKind.PARTICIPANT_IN_LOBBY : LogKind.PARTICIPANT_CONNECTED,
            kinds.get(3 + i), "change " + (3 + i));
      }
      assertNull(seen.poll(), "each change told once");
    }
  }

  @Test
  void flappingParticipant_keepsItsNewestLobbyIntervals() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    String[] toggles = new String[40];
    for (int i = 0; i < toggles.length; i++) {
      toggles[i] = record("callLegUpdate", 4 + i, 103 + i,
          "<callLeg id=\"legA0001-0000-4000-8000-00000000000a\"><deactivated>" + (i % 2 == 0)
              + "</deactivated></callLeg>");
    }
    post(doc("aaaaaaaa-0000-4000-8000-00000000000a", BRIDGE_A, toggles));
    List<Meeting.Interval> lobby = only().participants().get(0).lobbyIntervals();
    assertEquals(TrackerState.Leg.MAX_LOBBY_INTERVALS, lobby.size(), "20 waits, the newest kept");
    assertTrue(lobby.stream().allMatch(w -> w.end() != null), "the last wait ended too");
  }

  @Test
  void failingListener_othersStillTold() {
    List<LogKind> seen = new ArrayList<>();
    tracker.addListener(c -> {
      throw new IllegalStateException("boom");
    });
    tracker.addListener(c -> seen.add(c.entry().kind()));
    post(Fixtures.bytes("two-bridges-a.xml"));
    assertEquals(only().log().stream().map(Meeting.LogEntry::kind).toList(), seen);
  }

  @Test
  void defaultExecutor_listenersOnTrackerThread() throws InterruptedException {
    BlockingQueue<String> threads = new LinkedBlockingQueue<>();
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .addListener(c -> threads.add(Thread.currentThread().getName())).build()) {
      t.onEvent(new CdrEvent.RecordReceived(CdrOrigin.ofCluster("london"), "s1", null,
          parser.parse(doc("s1", null, record("callStart", 1, 1,
              "<call id=\"callD\"><name>D</name></call>"))).records().get(0), false));
      assertEquals("mm-meeting-listeners", threads.poll(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void merge_listenersToldWhereTheProvisionalMeetingWent() {
    post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
        record("callLegStart", 1, 1, "<callLeg id=\"leg1\"><displayName>Lin</displayName>"
            + "<call>callB</call></callLeg>")));
    List<MeetingChange> seen = new ArrayList<>();
    tracker.addListener(seen::add);
    post(doc("aaaaaaaa-0000-4000-8000-00000000000a", BRIDGE_A,
        record("callStart", 1, 1, "<call id=\"callA\"><name>Design</name>"
            + "<callCorrelator>K</callCorrelator></call>")));
    post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
        record("callStart", 2, 2, "<call id=\"callB\"><name>Design</name>"
            + "<callCorrelator>K</callCorrelator></call>")));
    MeetingChange merged = seen.stream()
        .filter(c -> c.entry().kind() == LogKind.MEETING_MERGED).findFirst().orElseThrow();
    assertEquals("callB", merged.meetingId());
    assertEquals("callA", merged.entry().subject());
    assertTrue(tracker.findMeeting("callB").isEmpty());
    assertTrue(seen.stream().anyMatch(c -> c.meetingId().equals("callA")
        && c.entry().kind() == LogKind.CALL_ADDED && c.entry().subject().equals("callB")));
  }

  @Test
  void flappingParticipant_logBoundedInBytesPerParticipant() {
    post(Fixtures.bytes("two-bridges-a.xml"));
    String[] toggles = new String[2_000];
    for (int i = 0; i < toggles.length; i++) {
      toggles[i] = record("callLegUpdate", 4 + i, 103 + i,
          "<callLeg id=\"legA0001-0000-4000-8000-00000000000a\"><deactivated>" + (i % 2 == 0)
              + "</deactivated></callLeg>");
    }
    post(doc("aaaaaaaa-0000-4000-8000-00000000000a", BRIDGE_A, toggles));
    Meeting m = only();
    long bytes = m.log().stream().mapToLong(BoundedLog::estimatedBytes).sum();
    int legs = 1;
    assertTrue(bytes <= 8 * 1024 * legs, bytes + " bytes in " + m.log().size() + " entries");
    assertTrue(m.log().size() > 30, "the bound keeps a useful tail: " + m.log().size());
    assertEquals(LogKind.PARTICIPANT_CONNECTED, m.log().get(m.log().size() - 1).kind(),
        "the newest entry is kept");
  }

  @Test
  void maxLogEntries_keepsNewest() {
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .maxLogEntries(3).build()) {
      CdrPipeline p = opened(CdrPipeline.builder().addListener(t).build());
      byte[] xml = Fixtures.bytes("multi-record-batch.xml");
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), scheduler.now(), xml,
          parser.parse(xml)));
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
      assertEquals(List.of(LogKind.PARTICIPANT_LEFT, LogKind.CALL_ENDED, LogKind.MEETING_ENDED),
          t.meetings().get(0).log().stream().map(Meeting.LogEntry::kind).toList());
    }
  }

  @Test
  void afterClose_changesStillTrackedButListenersNotTold() {
    List<MeetingChange> seen = new ArrayList<>();
    MeetingTracker t = MeetingTracker.builder().scheduler(scheduler).addListener(seen::add).build();
    t.close();
    t.onEvent(new CdrEvent.RecordReceived(CdrOrigin.ofCluster("london"), "s1", null,
        parser.parse(doc("s1", null, record("callStart", 1, 1,
            "<call id=\"callE\"><name>E</name></call>"))).records().get(0), false));
    assertEquals(1, t.activeMeetings().size());
    assertTrue(seen.isEmpty());
  }

  @Test
  void change_participantKeepsTheLobbyTimesOfItsMomentAfterLaterToggles() {
    post(Fixtures.bytes("two-bridges-b.xml"));
    List<MeetingChange> seen = new ArrayList<>();
    tracker.addListener(seen::add);
    for (int i = 0; i < 3; i++) {
      boolean lobby = i % 2 == 1;
      scheduler.advance(java.time.Duration.ofSeconds(10));
      post(doc("bbbbbbbb-0000-4000-8000-00000000000b", BRIDGE_B,
          record("callLegUpdate", 11 + i, 504 + i,
              "<callLeg id=\"legB0001-0000-4000-8000-00000000000b\"><deactivated>" + lobby
              + "</deactivated></callLeg>")));
    }
    assertEquals(3, seen.size(), seen.toString());
    List<Integer> intervals = seen.stream()
        .map(c -> c.participant().lobbyIntervals().size()).toList();
    assertEquals(List.of(1, 2, 2), intervals, "each change shows the intervals as they were then");
    assertTrue(seen.get(0).participant().lobbyIntervals().get(0).end() != null);
    assertTrue(seen.get(1).participant().lobbyIntervals().get(1).end() == null,
        "the second change saw the participant in the lobby again");
    assertTrue(seen.get(2).participant().lobbyIntervals().get(1).end() != null);
  }

  @Test
  void onEvents_whileAListenerIsBusy_trackerKeepsApplyingAndChangesArriveInOrder()
      throws Exception {
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<MeetingChange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.ExecutorService listenerThread =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try (MeetingTracker t = MeetingTracker.builder().scheduler(scheduler)
        .listenerExecutor(listenerThread).addListener(c -> {
          seen.add(c);
          if (seen.size() == 1) {
            busy.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }).build()) {
      CdrPipeline p = opened(CdrPipeline.builder().addListener(t).build());
      byte[] a = Fixtures.bytes("two-bridges-a.xml");
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), scheduler.now(), a, parser.parse(a)));
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
      busy.await();
      // The listener holds its thread; the tracker still applies and answers.
      byte[] b = Fixtures.bytes("two-bridges-b.xml");
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), scheduler.now(), b, parser.parse(b)));
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
      Meeting m = t.activeMeetings().get(0);
      release.countDown();
      listenerThread.submit(() -> { }).get(); // runs after the drain has told every change
      assertEquals(m.log(), seen.stream().map(MeetingChange::entry).toList());
    } finally {
      listenerThread.shutdownNow();
    }
  }
}
