package io.mmsdk.meetings;

import io.mmsdk.cdr.CallEnd;
import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.cdr.CallLegStart;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CallStart;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.RecordingEnd;
import io.mmsdk.cdr.RecordingStart;
import io.mmsdk.cdr.StreamingEnd;
import io.mmsdk.cdr.StreamingStart;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.ParticipantState;
import io.mmsdk.meetings.TrackerState.CallInfo;
import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies CDR events to the {@link TrackerState}: starts, merges and ends meetings, attaches and
 * ends call legs, follows recordings and streams, ends the calls of a restarted Call Bridge and
 * logs reported gaps. It also owns the leg and call life cycle the REST re-sync shares ({@link
 * #updateLegState}, {@link #endLeg}, {@link #endCall}). Not thread-safe: guarded by the {@link
 * MeetingTracker}'s lock.
 */
final class CdrApplier {
  private static final String DISTRIBUTION_LINK = "distributionLink";

  private final TrackerState state;
  private final EventsMerge events;
  private final ListenerDispatch dispatch;
  private final Scheduler scheduler;
  private final Set<String> reportedGaps = new HashSet<>();

  CdrApplier(TrackerState state, EventsMerge events, ListenerDispatch dispatch,
      Scheduler scheduler) {
    this.state = state;
    this.events = events;
    this.dispatch = dispatch;
    this.scheduler = scheduler;
  }

  /** Applies one pipeline event of a tracked cluster. */
  void apply(String cluster, CdrEvent event) {
    if (event instanceof CdrEvent.RecordReceived r) {
      onRecord(cluster, r.session(), r.callBridge(), r.record());
    } else if (event instanceof CdrEvent.CallBridgeRestarted r) {
      onRestart(cluster, r.previousSession(), r);
    } else if (event instanceof CdrEvent.RecordsMissing m) {
      onRecordsMissing(cluster, m);
    }
  }

  private void onRecordsMissing(String cluster, CdrEvent.RecordsMissing m) {
    String range = m.firstIndex() + ".." + m.lastIndex();
    if (reportedGaps.add(cluster + '|' + m.session() + '|' + range)) {
      for (M meeting : new ArrayList<>(state.meetings.values())) {
        if (!meeting.ended && meeting.hasSession(m.session())) {
          state.change(meeting, scheduler.now(), LogKind.RECORDS_MISSING,
              m.session(), m.count() + " records " + m.cause(), null);
        }
      }
      dispatch.queueGap(new SourceGap(SourceGap.Source.CDR, cluster, m.session(), scheduler.now(),
          m.count() + " records " + m.cause() + " (indices " + range + ")"));
    }
  }

  private void onRecord(String cluster, String session, String bridge, CdrRecord record) {
    Instant t = record.header().time();
    if (record instanceof CallStart c) {
      callStart(cluster, session, bridge, c, t);
    } else if (record instanceof CallLegStart s) {
      Leg leg = leg(cluster, s.callLegId(), bridge, t);
      if (!leg.joinedFromCdr) {
        leg.joinedAt = t; // first seen in a re-sync: the record's time wins
        leg.joinedFromCdr = true;
      }
      events.nameParticipant(cluster, leg, s.groupId());
      leg.displayName = s.displayName() != null ? s.displayName() : leg.displayName;
      leg.remoteParty = s.remoteParty() != null ? s.remoteParty() : leg.remoteParty;
      leg.direction = state.values.share(s.direction());
      leg.link = DISTRIBUTION_LINK.equals(s.subType());
      if (s.callId() != null) {
        attach(cluster, session, bridge, leg, s.callId(), t);
      }
    } else if (record instanceof CallLegUpdate u) {
      Leg leg = leg(cluster, u.callLegId(), bridge, t);
      events.nameParticipant(cluster, leg, u.groupId());
      if (u.displayName() != null && !u.displayName().equals(leg.displayName)) {
        leg.displayName = u.displayName(); // else the kept one: one copy per leg
      }
      if ("connected".equals(u.state())) {
        leg.connected = true;
      }
      if (u.deactivated() != null) {
        leg.lobby = u.deactivated();
      }
      if (u.callId() != null && !u.callId().equals(leg.callId)) {
        attach(cluster, session, bridge, leg, u.callId(), t);
      }
      updateLegState(leg, t);
    } else if (record instanceof CallLegEnd e) {
      Leg leg = state.legs.get(cluster, e.callLegId());
      if (leg == null || leg.meeting == null) {
        // The leg never reached a meeting we know (e.g. it ended in an IVR): nothing to show.
        state.legs.remove(cluster, e.callLegId());
        return;
      }
      if (!e.alarms().isEmpty()) {
        leg.alarms = state.values.share(e.alarms());
      }
      Long duration = e.durationSeconds();
      leg.hasDuration = duration != null;
      leg.durationSeconds = duration == null ? 0 : duration;
      endLeg(leg, t, state.values.share(e.reason()), true);
    } else if (record instanceof CallEnd e) {
      M m = state.byCall.get(cluster, e.callId());
      if (m != null) {
        endCall(m, e.callId(), t, "callEnded", true);
      }
    } else if (record instanceof RecordingStart r) {
      media(cluster, r.callId(), r.recordingId(), LogKind.RECORDING_STARTED, t,
          r.path() == null ? "" : r.path());
    } else if (record instanceof RecordingEnd r) {
      media(cluster, null, r.recordingId(), LogKind.RECORDING_STOPPED, t, "");
    } else if (record instanceof StreamingStart s) {
      media(cluster, s.callId(), s.streamingId(), LogKind.STREAMING_STARTED, t,
          s.streamUrl() == null ? "" : s.streamUrl());
    } else if (record instanceof StreamingEnd s) {
      media(cluster, null, s.streamingId(), LogKind.STREAMING_STOPPED, t, "");
    }
  }

  private void callStart(String cluster, String session, String bridge, CallStart c, Instant t) {
    M existing = state.byCall.get(cluster, c.callId());
    M target = null;
    if (c.callCorrelator() != null) {
      target = state.activeByCorrelator.get(cluster, c.callCorrelator());
    }
    if (target == null && c.coSpace() != null) {
      target = state.activeBySpace.get(cluster, c.coSpace());
    }
    if (existing != null && existing.ended) {
      return; // a late callStart for a call we already closed
    }
    if (existing != null) {
      existing.fill(c, state.values);
      if (!existing.startFromCdr) {
        existing.start = t; // first seen in a re-sync: the record's time wins
        existing.startFromCdr = true;
      }
      CallInfo known = existing.calls.get(c.callId());
      if (known != null) {
        known.seenInCdr(bridge, session);
      }
      if (target != null && target != existing) {
        merge(existing, target);
        existing = target;
      }
      state.index(existing);
      return;
    }
    if (target != null) {
      target.fill(c, state.values);
      target.calls.put(c.callId(), new CallInfo(c.callId(), bridge, session, null));
      state.byCall.put(cluster, c.callId(), target);
      state.change(target, t, LogKind.CALL_ADDED, c.callId(),
          bridge == null ? "" : "on Call Bridge " + bridge, null);
      events.applyEarlyCall(target, c.callId(), t);
      return;
    }
    M m = newMeeting(cluster, new CallInfo(c.callId(), bridge, session, null), t, c);
    state.index(m);
  }

  /**
   * Starts a meeting with its first call; {@code start} (may be null) names it before listeners
   * hear of it, so the start event carries the name.
   */
  private M newMeeting(String cluster, CallInfo call, Instant t, CallStart start) {
    M m = state.newMeeting(call.callId, cluster, t);
    m.startFromCdr = true;
    if (start != null) {
      m.fill(start, state.values);
    }
    m.calls.put(call.callId, call);
    state.meetings.put(m.id, m);
    state.byCall.put(cluster, call.callId, m);
    state.change(m, t, LogKind.MEETING_STARTED, call.callId,
        m.name == null ? "" : m.name, null);
    events.applyEarlyCall(m, call.callId, t);
    return m;
  }

  /**
   * Moves everything of {@code from} (a meeting made before its callStart arrived) into {@code to}.
   */
  private void merge(M from, M to) {
    state.meetings.remove(from.id);
    for (Leg l : from.legs().values()) {
      l.meeting = to;
      to.legs().put(l.id, l);
    }
    List<LogEntry> added = new ArrayList<>(from.calls.size());
    for (CallInfo ci : from.calls.values()) {
      to.calls.put(ci.callId, ci);
      state.byCall.put(to.cluster, ci.callId, to);
      added.add(new LogEntry(from.start, LogKind.CALL_ADDED, ci.callId,
          ci.bridge == null ? "" : "on Call Bridge " + ci.bridge));
    }
    List<LogEntry> merged = new ArrayList<>(to.log().entries());
    merged.addAll(added);
    for (LogEntry e : from.log().entries()) {
      if (e.kind() != LogKind.MEETING_STARTED) {
        merged.add(e);
      }
    }
    merged.sort(Comparator.comparing(LogEntry::time));
    state.replaceLog(to, merged);
    if (from.start.isBefore(to.start)) {
      to.start = from.start;
    }
    state.byMedia.replaceValue(to.cluster, from, to);
    // Listeners knew from's calls and legs under its id: tell them where they went.
    state.queue(from, from.start, LogKind.MEETING_MERGED, to.id, "", null);
    for (LogEntry e : added) {
      state.queue(to, e.time(), e.kind(), e.subject(), e.detail(), null);
    }
  }

  private Leg leg(String cluster, String legId, String bridge, Instant t) {
    Leg leg = state.legs.get(cluster, legId);
    if (leg == null) {
      leg = new Leg(legId, cluster, bridge, t, true);
      state.legs.put(cluster, legId, leg);
    }
    return leg;
  }

  private void attach(String cluster, String session, String bridge, Leg leg, String callId,
      Instant t) {
    M m = state.byCall.get(cluster, callId);
    if (m == null) {
      // The leg names a call whose callStart has not arrived (or never will): start the meeting.
      m = newMeeting(cluster, new CallInfo(callId, bridge, session, null), t, null);
    }
    Leg known = m.legs().get(leg.id);
    if (known != null && known != leg && known.state == ParticipantState.ENDED) {
      state.legs.remove(cluster, leg.id, leg); // a late update for a leg that already left
      return;
    }
    if (leg.meeting != null && leg.meeting != m) {
      leg.meeting.legs().remove(leg.id);
    }
    boolean isNew = leg.meeting != m;
    CallInfo call = m.calls.get(callId);
    leg.callId = call != null ? call.callId : callId; // the call's copy, not the record's
    leg.meeting = m;
    m.legs().put(leg.id, leg);
    if (isNew && !leg.link) {
      state.change(m, t, LogKind.PARTICIPANT_JOINED, leg.id,
          leg.displayName == null ? "" : leg.displayName, leg);
    }
    updateLegState(leg, t);
  }

  /** Moves {@code leg} to the state its connected and lobby flags say, logging the move. */
  void updateLegState(Leg leg, Instant t) {
    if (leg.state == ParticipantState.ENDED) {
      return;
    }
    ParticipantState s = !leg.connected ? ParticipantState.CONNECTING
        : leg.lobby ? ParticipantState.IN_LOBBY : ParticipantState.CONNECTED;
    if (s == leg.state) {
      return;
    }
    if (s == ParticipantState.IN_LOBBY) {
      leg.enterLobby(t);
    } else {
      leg.leaveLobby(t);
    }
    leg.state = s;
    if (leg.meeting != null && !leg.link && s != ParticipantState.CONNECTING) {
      state.change(leg.meeting, t,
          s == ParticipantState.CONNECTED ? LogKind.PARTICIPANT_CONNECTED
              : LogKind.PARTICIPANT_IN_LOBBY,
          leg.id, leg.displayName == null ? "" : leg.displayName, leg);
    }
  }

  /**
   * Ends {@code leg} at {@code t}; a leg a re-sync ended ({@code fromCdr} false) is kept so its
   * callLegEnd, if it comes, corrects the time and reason.
   */
  void endLeg(Leg leg, Instant t, String reason, boolean fromCdr) {
    if (leg.state == ParticipantState.ENDED) {
      if (reason != null && fromCdr) {
        leg.endReason = reason;
      }
      if (fromCdr && leg.endedByResync) {
        leg.leftAt = t; // a re-sync found it gone; the record says when it left
        leg.endedByResync = false;
        state.legs.remove(leg.meeting.cluster, leg.id, leg);
      }
      return;
    }
    leg.leaveLobby(t);
    leg.state = ParticipantState.ENDED;
    leg.leftAt = t;
    leg.endReason = reason;
    leg.endedByResync = !fromCdr;
    leg.activeSpeaker = false;
    leg.presenter = false;
    if (fromCdr) {
      state.legs.remove(leg.meeting.cluster, leg.id, leg);
    }
    if (!leg.link) {
      state.change(leg.meeting, t, LogKind.PARTICIPANT_LEFT, leg.id,
          reason == null ? "" : reason, leg);
    }
  }

  /** Ends call {@code callId} of {@code m} and its legs, and the meeting with its last call. */
  void endCall(M m, String callId, Instant t, String reason, boolean fromCdr) {
    CallInfo ci = m.calls.get(callId);
    if (ci == null) {
      return;
    }
    if (ci.ended) {
      if (fromCdr && ci.endedByResync && m.ended && m.end != null && t.isBefore(m.end)) {
        m.end = t; // a re-sync found it gone; the record says when it ended
      }
      ci.endedByResync = false;
      return;
    }
    ci.ended = true;
    ci.endedByResync = !fromCdr;
    for (Leg l : new ArrayList<>(m.legs().values())) {
      if (callId.equals(l.callId) && l.state != ParticipantState.ENDED) {
        endLeg(l, t, reason, fromCdr);
      }
    }
    state.change(m, t, LogKind.CALL_ENDED, callId, reason, null);
    if (m.calls.values().stream().allMatch(c -> c.ended)) {
      m.ended = true;
      m.end = t;
      m.endReason = reason;
      m.endObservedAt = scheduler.now();
      state.unindexActive(m);
      state.change(m, t, LogKind.MEETING_ENDED, m.id, reason, null);
      state.ended(m);
    }
  }

  private void onRestart(String cluster, String previousSession, CdrEvent.CallBridgeRestarted r) {
    Instant t = scheduler.now();
    for (M m : new ArrayList<>(state.meetings.values())) {
      if (m.ended || !m.cluster.equals(cluster)) {
        continue;
      }
      for (CallInfo ci : new ArrayList<>(m.calls.values())) {
        if (!ci.ended && previousSession.equals(ci.session)) {
          endCall(m, ci.callId, t, "callBridgeRestarted", true);
        }
      }
    }
    // Legs that never reached a meeting on the restarted Call Bridge are gone too.
    state.legs.removeIf(l -> l.meeting == null && r.callBridge() != null
        && r.callBridge().equals(l.bridge));
  }

  private void media(String cluster, String callId, String mediaId, LogKind kind, Instant t,
      String detail) {
    M m = callId != null ? state.byCall.get(cluster, callId)
        : state.byMedia.get(cluster, mediaId);
    if (m == null) {
      return;
    }
    if (callId != null) {
      state.byMedia.put(cluster, mediaId, m);
    } else {
      state.byMedia.remove(cluster, mediaId);
    }
    if (kind == LogKind.RECORDING_STARTED || kind == LogKind.RECORDING_STOPPED) {
      m.recording = kind == LogKind.RECORDING_STARTED;
    } else {
      m.streaming = kind == LogKind.STREAMING_STARTED;
    }
    state.change(m, t, kind, mediaId, detail, null);
  }
}
