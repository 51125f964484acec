package io.mmsdk.meetings;

import static io.mmsdk.meetings.TrackerState.key;

import io.mmsdk.cms.core.CmsField;
import io.mmsdk.cms.events.EventFields;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.Mute;
import io.mmsdk.meetings.TrackerState.CallInfo;
import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Merges Events API updates ({@code callInfoUpdate}, {@code rosterUpdate}) into the {@link
 * TrackerState}. The Events socket can be faster than CDR delivery, so the state of calls and
 * participants no CDR or re-sync has shown yet is held (at most {@link #MAX_EARLY}, the oldest
 * dropped) and applied when they appear. Not thread-safe: guarded by the {@link MeetingTracker}'s
 * lock.
 */
final class EventsMerge {
  /** How many calls and participants seen only in events are remembered. */
  static final int MAX_EARLY = 10_000;

  private final TrackerState state;
  private final Scheduler scheduler;
  // "C|cluster|call" or "P|cluster|participant" -> the latest fields of each element.
  private final Map<String, Map<String, String>> early = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
      return size() > MAX_EARLY;
    }
  };
  // "C|cluster|call" -> the registered bridge whose events socket reported the call first.
  private final Map<String, String> earlyBridge = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX_EARLY;
    }
  };

  EventsMerge(TrackerState state, Scheduler scheduler) {
    this.state = state;
    this.scheduler = scheduler;
  }

  /** Applies a call's {@code callInfoUpdate} fields, or holds them until the call appears. */
  void onCallInfo(String cluster, String bridgeId, String callId, Map<String, String> fields) {
    M m = state.byCall.get(cluster, callId);
    if (m == null || m.ended) {
      if (m == null) {
        String k = "C|" + key(cluster, callId);
        early.computeIfAbsent(k, x -> new HashMap<>()).putAll(fields);
        if (bridgeId != null) {
          earlyBridge.putIfAbsent(k, bridgeId);
        }
      }
      return;
    }
    CallInfo ci = m.calls.get(callId);
    if (ci != null && bridgeId != null) {
      ci.bridgeId = bridgeId;
    }
    applyCallFields(m, fields, scheduler.now());
  }

  /** Applies a participant's roster fields, or holds them until the participant appears. */
  void onRoster(String cluster, String participantId, Map<String, String> fields) {
    Leg leg = state.byParticipant.get(cluster, participantId);
    if (leg == null) {
      early.computeIfAbsent("P|" + key(cluster, participantId), k -> new HashMap<>())
          .putAll(fields);
      return;
    }
    applyRosterFields(leg, fields);
  }

  /**
   * Applies the held events of call {@code callId}, which just joined {@code m}, and records the
   * bridge whose events socket reported it first.
   */
  void applyEarlyCall(M m, String callId, Instant t) {
    String bridgeId =
        earlyBridge.isEmpty() ? null : earlyBridge.remove("C|" + key(m.cluster, callId));
    CallInfo ci = m.calls.get(callId);
    if (bridgeId != null && ci != null && ci.bridgeId == null) {
      ci.bridgeId = bridgeId;
    }
    Map<String, String> fields =
        early.isEmpty() ? null : early.remove("C|" + key(m.cluster, callId));
    if (fields != null) {
      applyCallFields(m, fields, t);
    }
  }

  /** Records the participant GUID of {@code leg}, and applies events that came before it. */
  void nameParticipant(String cluster, Leg leg, String participantId) {
    if (participantId == null || participantId.equals(leg.participantId)) {
      return;
    }
    if (leg.participantId != null) {
      state.byParticipant.remove(cluster, leg.participantId, leg);
    }
    leg.participantId = participantId;
    state.byParticipant.put(cluster, participantId, leg);
    // No key built when nothing is held, as for almost every leg.
    Map<String, String> fields =
        early.isEmpty() ? null : early.remove("P|" + key(cluster, participantId));
    if (fields != null) {
      applyRosterFields(leg, fields);
    }
  }

  /** Forgets the held events of cluster {@code clusterId}. */
  void forgetCluster(String clusterId) {
    earlyBridge.keySet().removeIf(k -> k.startsWith("C|" + clusterId + '|'));
    early.keySet().removeIf(k -> k.startsWith("C|" + clusterId + '|')
        || k.startsWith("P|" + clusterId + '|'));
  }

  /** Applies callInfo / callListUpdate elements to a running meeting. */
  private void applyCallFields(M m, Map<String, String> f, Instant t) {
    if (m.name == null && text(f, EventFields.NAME) != null) {
      m.name = text(f, EventFields.NAME);
    }
    String lock = text(f, EventFields.LOCK_STATE);
    if (lock != null && m.locked != lock.equals("locked")) {
      m.locked = lock.equals("locked");
      state.change(m, t, LogKind.LOCK_CHANGED, m.id, lock, null);
    }
    Boolean recording = bool(text(f, EventFields.RECORDING));
    if (recording != null && recording != m.recording) {
      m.recording = recording;
      // Told at once; the log keeps the CDR's recordingStart/End entry (with the recording id).
      state.queue(m, t,
          recording ? LogKind.RECORDING_STARTED : LogKind.RECORDING_STOPPED, m.id, "events",
          null);
    }
    Boolean streaming = bool(text(f, EventFields.STREAMING));
    if (streaming != null && streaming != m.streaming) {
      m.streaming = streaming;
      state.queue(m, t,
          streaming ? LogKind.STREAMING_STARTED : LogKind.STREAMING_STOPPED, m.id, "events",
          null);
    }
  }

  /** Applies rosterUpdate elements to a participant; listeners hear PARTICIPANT_UPDATED. */
  private void applyRosterFields(Leg leg, Map<String, String> f) {
    boolean changed = false;
    Boolean audio = bool(text(f, EventFields.AUDIO_MUTED));
    Boolean video = bool(text(f, EventFields.VIDEO_MUTED));
    if ((audio != null && audio != leg.mute.rxAudio())
        || (video != null && video != leg.mute.rxVideo())) {
      leg.mute = Mute.of(audio != null ? audio : leg.mute.rxAudio(), leg.mute.txAudio(),
          video != null ? video : leg.mute.rxVideo(), leg.mute.txVideo());
      changed = true;
    }
    String layout = text(f, EventFields.LAYOUT);
    if (layout != null && !layout.equals(leg.layout)) {
      leg.layout = layout.isEmpty() ? null : layout;
      changed = true;
    }
    String importance = text(f, EventFields.IMPORTANCE);
    if (importance != null) {
      Long value = importance.isEmpty() ? null : parseLong(importance);
      if (!Objects.equals(value, leg.importance)) {
        leg.importance = value;
        changed = true;
      }
    }
    Boolean presenter = bool(text(f, EventFields.PRESENTER));
    if (presenter != null && presenter != leg.presenter) {
      leg.presenter = presenter;
      changed = true;
    }
    Boolean speaker = bool(text(f, EventFields.ACTIVE_SPEAKER));
    if (speaker != null && speaker != leg.activeSpeaker) {
      leg.activeSpeaker = speaker;
      changed = true;
    }
    if (leg.displayName == null && text(f, EventFields.NAME) != null) {
      leg.displayName = text(f, EventFields.NAME);
    }
    if (leg.remoteParty == null && text(f, EventFields.URI) != null) {
      leg.remoteParty = text(f, EventFields.URI);
    }
    if (changed && leg.meeting != null && !leg.link) {
      state.queue(leg.meeting, scheduler.now(), LogKind.PARTICIPANT_UPDATED, leg.id,
          leg.displayName == null ? "" : leg.displayName, leg);
    }
  }

  /** {@return the reported text of Events element {@code key}, or null} */
  private static String text(Map<String, String> f, CmsField<?> key) {
    return f.get(key.name());
  }

  private static Boolean bool(String text) {
    return text == null ? null : Boolean.valueOf(text.equals("true"));
  }

  private static Long parseLong(String text) {
    try {
      return Long.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
