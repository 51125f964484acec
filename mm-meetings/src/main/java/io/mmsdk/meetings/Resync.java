package io.mmsdk.meetings;

import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.Mute;
import io.mmsdk.meetings.Meeting.ParticipantState;
import io.mmsdk.meetings.TrackerState.CallInfo;
import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Corrects the {@link TrackerState} from a REST re-sync of a cluster's Call Bridges (see {@link
 * MeetingTracker#resync}). Not thread-safe: guarded by the {@link MeetingTracker}'s lock.
 */
final class Resync {
  private final TrackerState state;
  private final CdrApplier cdr;
  private final EventsMerge events;

  Resync(TrackerState state, CdrApplier cdr, EventsMerge events) {
    this.state = state;
    this.cdr = cdr;
    this.events = events;
  }

  /** Applies a re-sync of cluster {@code cluster} taken at {@code now}. */
  void apply(String cluster, List<RestSnapshot.Call> calls, Set<String> answered,
      boolean complete, Instant now) {
    Set<String> seenCalls = new HashSet<>();
    for (RestSnapshot.Call rc : calls) {
      seenCalls.add(rc.callId());
      resyncCall(cluster, rc, now);
    }
    for (M m : new ArrayList<>(state.meetings.values())) {
      if (m.ended || !m.cluster.equals(cluster)) {
        continue;
      }
      for (CallInfo ci : new ArrayList<>(m.calls.values())) {
        boolean askedItsBridge = ci.bridgeId != null ? answered.contains(ci.bridgeId) : complete;
        if (!ci.ended && askedItsBridge && !seenCalls.contains(ci.callId)) {
          cdr.endCall(m, ci.callId, now, MeetingTracker.NOT_FOUND_ON_RESYNC, false);
        }
      }
    }
  }

  private void resyncCall(String cluster, RestSnapshot.Call rc, Instant now) {
    List<String> fixed = new ArrayList<>();
    M m = state.byCall.get(cluster, rc.callId());
    if (m != null && m.ended) {
      return; // its callEnd arrived after the Call Bridge listed it
    }
    if (m == null) {
      M target = rc.correlator() == null ? null
          : state.activeByCorrelator.get(cluster, rc.correlator());
      if (target == null && rc.coSpace() != null) {
        target = state.activeBySpace.get(cluster, rc.coSpace());
      }
      CallInfo ci = new CallInfo(rc.callId(), null, null, rc.bridgeId());
      if (target != null) {
        m = target;
        m.calls.put(rc.callId(), ci);
        state.byCall.put(cluster, rc.callId(), m);
        state.change(m, now, LogKind.CALL_ADDED, rc.callId(), "found by re-sync",
            null);
      } else {
        Instant start = rc.durationSeconds() == null ? now : now.minusSeconds(rc.durationSeconds());
        m = state.newMeeting(rc.callId(), cluster, start);
        m.name = rc.name();
        m.calls.put(rc.callId(), ci);
        state.meetings.put(m.id, m);
        state.byCall.put(cluster, rc.callId(), m);
        state.change(m, start, LogKind.MEETING_STARTED, rc.callId(),
            m.name == null ? "" : m.name, null);
        fixed.add("meeting found");
      }
    } else {
      CallInfo ci = m.calls.get(rc.callId());
      if (ci != null) {
        ci.bridgeId = rc.bridgeId();
      }
    }
    m.name = m.name != null ? m.name : rc.name();
    m.coSpace = m.coSpace != null ? m.coSpace : rc.coSpace();
    m.correlator = m.correlator != null ? m.correlator : rc.correlator();
    m.callType = m.callType != null ? m.callType : rc.callType();
    m.tenant = m.tenant != null ? m.tenant : rc.tenant();
    m.ownerName = m.ownerName != null ? m.ownerName : rc.ownerName();
    state.index(m);
    if (rc.locked() != null && rc.locked() != m.locked) {
      m.locked = rc.locked();
      fixed.add(m.locked ? "now locked" : "now unlocked");
    }
    if (rc.recording() != null && rc.recording() != m.recording) {
      m.recording = rc.recording();
      fixed.add(m.recording ? "now recording" : "recording stopped");
    }
    if (rc.streaming() != null && rc.streaming() != m.streaming) {
      m.streaming = rc.streaming();
      fixed.add(m.streaming ? "now streaming" : "streaming stopped");
    }
    Set<String> seenLegs = new HashSet<>();
    for (RestSnapshot.Leg rl : rc.legs()) {
      seenLegs.add(rl.legId());
      if (!rl.link()) {
        resyncLeg(cluster, m, rc.callId(), rl, now, fixed);
      }
    }
    for (Leg l : new ArrayList<>(m.legs().values())) {
      if (rc.callId().equals(l.callId) && !l.link && l.state != ParticipantState.ENDED
          && !seenLegs.contains(l.id)) {
        cdr.endLeg(l, now, MeetingTracker.NOT_FOUND_ON_RESYNC, false);
        fixed.add(l.label() + " gone");
      }
    }
    if (!fixed.isEmpty()) {
      state.change(m, now, LogKind.RESYNCED, rc.callId(), String.join("; ", fixed),
          null);
    }
  }

  private void resyncLeg(String cluster, M m, String callId, RestSnapshot.Leg rl, Instant now,
      List<String> fixed) {
    Leg leg = state.legs.get(cluster, rl.legId());
    Leg known = m.legs().get(rl.legId());
    if (leg == null && known != null) {
      return; // ended here already (its callLegEnd arrived after the listing)
    }
    if (leg == null) {
      Instant joined = rl.durationSeconds() == null ? now : now.minusSeconds(rl.durationSeconds());
      leg = new Leg(rl.legId(), cluster, null, joined, false);
      leg.displayName = rl.name();
      leg.remoteParty = rl.remoteParty();
      leg.direction = state.values.share(rl.direction());
      state.legs.put(cluster, leg.id, leg);
      fixed.add(leg.label() + " found");
    }
    events.nameParticipant(cluster, leg, rl.participantId());
    if (leg.meeting != m) {
      if (leg.meeting != null) {
        leg.meeting.legs().remove(leg.id);
      }
      leg.callId = callId;
      leg.meeting = m;
      m.legs().put(leg.id, leg);
      state.change(m, leg.joinedAt, LogKind.PARTICIPANT_JOINED, leg.id,
          leg.displayName == null ? "" : leg.displayName, leg);
    }
    ParticipantState before = leg.state;
    if ("connected".equals(rl.state())) {
      leg.connected = true;
    }
    if (rl.deactivated() != null) {
      leg.lobby = rl.deactivated();
    }
    cdr.updateLegState(leg, now);
    if (leg.state != before && before != ParticipantState.CONNECTING) {
      fixed.add(leg.label() + " " + leg.state.name().toLowerCase(Locale.ROOT));
    }
    boolean changed = false;
    if (rl.mute() != null && !rl.mute().equals(leg.mute)) {
      leg.mute = Mute.of(rl.mute().rxAudio(), rl.mute().txAudio(), rl.mute().rxVideo(),
          rl.mute().txVideo());
      changed = true;
    }
    if (rl.layout() != null && !rl.layout().equals(leg.layout)) {
      leg.layout = rl.layout();
      changed = true;
    }
    if (!rl.alarms().isEmpty() && !rl.alarms().equals(leg.alarms)) {
      leg.alarms = rl.alarms();
      changed = true;
    }
    if (changed) {
      fixed.add(leg.label() + " media state");
      state.queue(m, now, LogKind.PARTICIPANT_UPDATED, leg.id,
          leg.displayName == null ? "" : leg.displayName, leg);
    }
  }
}
