package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.Mute;
import io.mmsdk.meetings.Meeting.ParticipantState;
import io.mmsdk.meetings.TrackerState.CallInfo;
import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EndedFormTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String[] TEXTS = {null, "", "remoteTeardown", "Zoë Ångström",
      "lone \ud800 surrogate", "emoji \ud83d\ude00", "x".repeat(300), "\u0000nul"};

  private final TrackerState state = new TrackerState(new BoundedLog(5_000, 8_192), null, 10);
  private final EndedForm encoder = new EndedForm();

  @Test
  void encodeDecode_legsAndLogWithEveryFieldVaried_comeBackEqual() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      M m = meeting("call-" + round);
      List<Leg> legs = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(12); i++) {
        legs.add(randomLeg(random, m, "leg-" + round + "-" + i));
      }
      List<LogEntry> log = new ArrayList<>();
      int entries = round == 1 ? 600 : random.nextInt(40); // round 1: a large string table
      for (int i = 0; i < entries; i++) {
        LogKind kind = LogKind.values()[random.nextInt(LogKind.values().length)];
        log.add(new LogEntry(time(random), kind, round == 1 ? "subject-" + i : text(random),
            text(random)));
      }

      LogRing ring = new LogRing();
      log.forEach(e -> ring.addLast(e.time(), e.kind(), e.subject(), e.detail(), 64));
      byte[] form = encoder.encode(legs, ring, m.start); // one encoder for every round
      EndedForm.Content back = EndedForm.decode(form, m);

      assertEquals(legs.stream().map(EndedFormTest::fields).toList(),
          back.legs().stream().map(EndedFormTest::fields).toList(), "round " + round);
      assertEquals(log, back.log(), "round " + round);
      assertEquals(legs.stream().filter(l -> !l.link).map(l -> l.remoteParty).toList(),
          EndedForm.participantAddresses(form), "round " + round);
      for (Leg l : legs) {
        assertTrue(EndedForm.namesLegOrParticipant(form, l.id), l.id);
        if (l.participantId != null) {
          assertTrue(EndedForm.namesLegOrParticipant(form, l.participantId), l.participantId);
        }
      }
      assertFalse(EndedForm.namesLegOrParticipant(form, "leg-" + round), "a prefix of the ids");
      assertFalse(EndedForm.namesLegOrParticipant(form, "nobody"));
    }
  }

  @Test
  void decode_legOfAKnownCall_keepsTheCallsCopyOfItsId() {
    M m = meeting("call1");
    Leg leg = endedLeg(m, "leg1", null);
    leg.callId = new String("call1".toCharArray());

    Leg back = EndedForm.decode(new EndedForm().encode(List.of(leg), new LogRing(), T0), m)
        .legs().get(0);

    assertSame(m.calls.get("call1").callId, back.callId);
  }

  @Test
  void settle_endedMeeting_keptInTheFormReadsTheSameAndItsLegsLeaveTheParticipantIndex() {
    M m = endedMeeting("call1", "part1");
    Meeting before = m.snapshot();
    List<String> addressesBefore = m.participantAddresses();

    state.settle();

    assertTrue(m.inEndedForm());
    assertEquals(before, m.snapshot());
    assertEquals(List.of("sip:ada@example.org"), addressesBefore);
    assertEquals(addressesBefore, m.participantAddresses());
    assertNull(state.byParticipant.get("london", "part1"));
    assertTrue(m.hasLegOrParticipant("part1"));
    assertTrue(m.hasLegOrParticipant("leg-call1"));
    assertFalse(m.hasLegOrParticipant("leg-other"));
    assertEquals(0, m.activeParticipants());
  }

  @Test
  void legs_ofAMeetingInTheForm_makeItObjectsAgainUntilTheNextSettle() {
    M m = endedMeeting("call1", "part1");
    Meeting before = m.snapshot();
    state.settle();

    m.legs().get("leg-call1").layout = "speakerOnly";

    assertFalse(m.inEndedForm());
    assertEquals("speakerOnly", m.snapshot().participants().get(0).layout());
    assertEquals(before.log(), m.snapshot().log());
    state.settle();
    assertTrue(m.inEndedForm(), "settled again at the end of the hold that changed it");
    assertEquals("speakerOnly", m.snapshot().participants().get(0).layout());
  }

  @Test
  void settle_legStillWaitingForItsCallLegEnd_keepsTheMeetingAsObjects() {
    M m = endedMeeting("call1", "part1");
    Leg leg = m.legs().get("leg-call1");
    leg.endedByResync = true;
    state.legs.put("london", leg.id, leg); // a re-sync ended it; its callLegEnd may correct it

    state.settle();

    assertFalse(m.inEndedForm());
    assertSame(leg, state.byParticipant.get("london", "part1"));
  }

  @Test
  void tracker_recordAfterTheMeetingEnded_isLoggedAndTheMeetingKeptInTheFormAgain() {
    MeetingTracker tracker = MeetingTracker.builder().build();
    try (tracker) {
      Records records = new Records(tracker, "london");
      records.meeting("call1", "space1", T0, null, "sip:ada@example.org");
      records.recordingStart(T0.plusSeconds(5), "rec1", "call1");
      records.legEnd(T0.plusSeconds(50), "leg-call1", "remoteTeardown",
          List.of(new CallLegEnd.Alarm("packetLoss", 1.5)), 50L);
      records.callEnd(T0.plusSeconds(60), "call1");
      Meeting ended = tracker.findMeeting("call1").orElseThrow();

      records.recordingEnd(T0.plusSeconds(61), "rec1");

      Meeting after = tracker.findMeeting("call1").orElseThrow();
      assertEquals(LogKind.RECORDING_STOPPED, after.log().get(after.log().size() - 1).kind());
      assertEquals(ended.log(), after.log().subList(0, ended.log().size()));
      assertEquals(ended.participants(), after.participants());
      assertFalse(after.recording());
      assertEquals(after, tracker.findMeetingOfParticipant("london", "part-call1").orElseThrow());
      assertEquals(0, tracker.activeParticipantCount());
    }
  }

  private M meeting(String callId) {
    M m = state.newMeeting(callId, "london", T0);
    m.calls.put(callId, new CallInfo(callId, "cb-1", "session-1", null));
    state.meetings.put(m.id, m);
    return m;
  }

  /** An ended meeting of one ended leg of participant {@code participantId}, not yet settled. */
  private M endedMeeting(String callId, String participantId) {
    M m = meeting(callId);
    Leg leg = endedLeg(m, "leg-" + callId, participantId);
    m.legs().put(leg.id, leg);
    state.byParticipant.put("london", participantId, leg);
    m.log().addLast(T0, LogKind.MEETING_STARTED, callId, "", 64);
    m.log().addLast(T0.plusSeconds(1), LogKind.PARTICIPANT_JOINED, leg.id, "Ada", 104);
    m.calls.get(callId).ended = true;
    m.ended = true;
    m.end = T0.plusSeconds(60);
    m.endObservedAt = m.end;
    state.ended(m);
    return m;
  }

  private static Leg endedLeg(M m, String id, String participantId) {
    Leg leg = new Leg(id, m.cluster, "cb-1", T0.plusSeconds(1), true);
    leg.meeting = m;
    leg.callId = m.id;
    leg.participantId = participantId;
    leg.displayName = "Ada";
    leg.remoteParty = "sip:ada@example.org";
    leg.enterLobby(T0.plusSeconds(2));
    leg.leaveLobby(T0.plusSeconds(3));
    leg.state = ParticipantState.ENDED;
    leg.leftAt = T0.plusSeconds(60);
    leg.endReason = "callEnded";
    leg.alarms = List.of(new CallLegEnd.Alarm("packetLoss", null));
    return leg;
  }

  private static Leg randomLeg(Random random, M m, String id) {
    Leg l = new Leg(id, m.cluster, text(random), random.nextInt(5) == 0 ? null : time(random),
        random.nextBoolean());
    l.meeting = m;
    l.participantId = text(random);
    l.callId = random.nextBoolean() ? m.id : text(random);
    l.displayName = text(random);
    l.remoteParty = text(random);
    l.direction = text(random);
    l.link = random.nextBoolean();
    l.connected = random.nextBoolean();
    l.lobby = random.nextBoolean();
    l.state = ParticipantState.values()[random.nextInt(ParticipantState.values().length)];
    l.leftAt = random.nextBoolean() ? null : time(random);
    l.endReason = text(random);
    l.endedByResync = random.nextBoolean();
    l.hasDuration = random.nextBoolean();
    l.durationSeconds = l.hasDuration ? random.nextLong() : 0;
    l.mute = Mute.of(random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
        random.nextBoolean());
    l.layout = text(random);
    l.importance = random.nextBoolean() ? null : random.nextLong();
    l.presenter = random.nextBoolean();
    l.activeSpeaker = random.nextBoolean();
    if (random.nextBoolean()) {
      List<CallLegEnd.Alarm> alarms = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(4); i++) {
        alarms.add(new CallLegEnd.Alarm(text(random) == null ? "jitter" : "packetLoss",
            random.nextBoolean() ? null : random.nextDouble() * 100));
      }
      alarms.add(new CallLegEnd.Alarm("nan", Double.NaN));
      l.alarms = alarms;
    }
    for (int i = 0; i < random.nextInt(TrackerState.Leg.MAX_LOBBY_INTERVALS + 4); i++) {
      Instant t = time(random);
      l.enterLobby(t);
      if (random.nextInt(4) != 0) {
        l.leaveLobby(t.plusNanos(random.nextInt(1_000_000_000)));
      }
    }
    return l;
  }

  /** {@return every field of {@code l} a form keeps, for comparing legs} */
  private static List<Object> fields(Leg l) {
    return Arrays.asList(l.id, l.cluster, l.bridge, l.joinedAt, l.joinedFromCdr,
        l.participantId, l.callId, l.meeting, l.displayName, l.remoteParty, l.direction, l.link,
        l.connected, l.lobby, l.state, l.leftAt, l.endReason, l.endedByResync, l.hasDuration,
        l.durationSeconds, l.mute, l.layout, l.importance, l.presenter, l.activeSpeaker,
        l.alarms, l.lobbyIntervals());
  }

  private static String text(Random random) {
    return TEXTS[random.nextInt(TEXTS.length)];
  }

  /** A time around {@link #T0}, before it as well, with any nanosecond. */
  private static Instant time(Random random) {
    return T0.plusSeconds(random.nextInt(2_000_000) - 1_000_000)
        .plusNanos(random.nextInt(1_000_000_000));
  }
}
