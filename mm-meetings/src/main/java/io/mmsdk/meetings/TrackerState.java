package io.mmsdk.meetings;

import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.cdr.CallStart;
import io.mmsdk.meetings.Meeting.Interval;
import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.Mute;
import io.mmsdk.meetings.Meeting.ParticipantState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tracker's mutable meetings, calls and call legs and their indexes. Every change to a
 * meeting goes through {@link #change} (logged and queued for listeners) or {@link #queue}
 * (queued only). Not thread-safe: guarded by the {@link MeetingTracker}'s lock.
 */
final class TrackerState {
  final Map<String, M> meetings = new LinkedHashMap<>();
  final ClusterIndex<M> byCall = new ClusterIndex<>();
  final ClusterIndex<M> activeByCorrelator = new ClusterIndex<>();
  final ClusterIndex<M> activeBySpace = new ClusterIndex<>();
  /** The legs whose callLegEnd has not come, by cluster and call leg GUID. */
  final ClusterIndex<Leg> legs = new ClusterIndex<>();
  final ClusterIndex<M> byMedia = new ClusterIndex<>();
  /** The legs by cluster and participant GUID. */
  final ClusterIndex<Leg> byParticipant = new ClusterIndex<>();
  /**
   * Ended meetings in the order they ended, oldest first, for the bound on how many are kept; may
   * still hold meetings forgotten since, which are skipped when their turn comes.
   */
  final ArrayDeque<M> endedInOrder = new ArrayDeque<>();
  /** The shared instances of the fields whose values come from a small set. */
  final ValuePool values = new ValuePool();
  /**
   * Ended meetings to keep in their {@link EndedForm} at the end of this hold ({@link #settle}):
   * those that ended in it and those it changed after they ended.
   */
  private final List<M> toSettle = new ArrayList<>();
  private final EndedForm encoder = new EndedForm();

  private final BoundedLog log;
  private final ListenerDispatch dispatch;
  private final int maxEnded;

  TrackerState(BoundedLog log, ListenerDispatch dispatch, int maxEnded) {
    this.log = log;
    this.dispatch = dispatch;
    this.maxEnded = maxEnded;
  }

  /**
   * Keeps {@code m}, which just ended, and forgets the meetings that ended first while more than
   * {@code maxEndedMeetings} are kept.
   */
  void ended(M m) {
    toSettle.add(m);
    endedInOrder.add(m);
    while (endedInOrder.size() > maxEnded) {
      M oldest = endedInOrder.poll();
      if (meetings.remove(oldest.id, oldest)) {
        forgetIndexes(oldest);
      }
    }
  }

  /** {@return a new meeting of this state} */
  M newMeeting(String id, String cluster, Instant start) {
    return new M(this, id, cluster, start);
  }

  /**
   * Keeps the meetings that ended, or changed after they ended, in this hold in their {@link
   * EndedForm}, each whose legs have all ended and none waits for its callLegEnd; their legs leave
   * the participant index (a participant that left is found by a scan). Called by the {@link
   * MeetingTracker} at the end of each hold that changes meetings.
   */
  void settle() {
    for (M m : toSettle) {
      if (m.ended && m.form == null && meetings.get(m.id) == m && canSettle(m)) {
        for (Leg l : m.legs.values()) {
          if (l.participantId != null) {
            byParticipant.remove(m.cluster, l.participantId, l);
          }
        }
        m.form = encoder.encode(m.legs.values(), m.log, m.start);
        m.legs = null;
        m.log = null;
      }
    }
    toSettle.clear();
  }

  private boolean canSettle(M m) {
    for (Leg l : m.legs.values()) {
      if (l.state != ParticipantState.ENDED || legs.get(m.cluster, l.id) == l) {
        return false;
      }
    }
    return true;
  }

  /** Makes {@code m}'s legs and log objects again, to be changed; {@link #settle} compacts it. */
  private void thaw(M m) {
    EndedForm.Content c = EndedForm.decode(m.form, m);
    m.form = null;
    m.legs = new LinkedHashMap<>();
    for (Leg l : c.legs()) {
      m.legs.put(l.id, l);
    }
    m.log = new LogRing(); // entry by entry, not through the bounds: the log comes back as it was
    for (LogEntry e : c.log()) {
      m.log.addLast(e.time(), e.kind(), e.subject(), e.detail(),
          BoundedLog.estimate(e.subject(), e.detail()));
    }
    toSettle.add(m);
  }

  /**
   * Logs the entry ({@code time}, {@code kind}, {@code subject}, {@code detail}) in {@code m} and
   * queues it for the listeners. Its parts, not a {@link LogEntry}: the log keeps the parts, and
   * the entry is made only for a listener.
   */
  void change(M m, Instant time, LogKind kind, String subject, String detail, Leg participant) {
    log.append(m, time, kind, subject, detail);
    queue(m, time, kind, subject, detail, participant);
  }

  /** Queues the entry for the listeners without logging it. */
  void queue(M m, Instant time, LogKind kind, String subject, String detail, Leg participant) {
    dispatch.queueChange(m, time, kind, subject, detail, participant);
  }

  /** Rebuilds {@code to}'s log from {@code entries}, within the log's bounds. */
  void replaceLog(M to, List<LogEntry> entries) {
    to.log().clear();
    for (LogEntry e : entries) {
      log.append(to, e.time(), e.kind(), e.subject(), e.detail());
    }
  }

  void index(M m) {
    if (m.correlator != null) {
      activeByCorrelator.put(m.cluster, m.correlator, m);
    }
    if (m.coSpace != null) {
      activeBySpace.put(m.cluster, m.coSpace, m);
    }
  }

  /** Drops a meeting that no longer runs from the indexes that find running meetings. */
  void unindexActive(M m) {
    if (m.correlator != null) {
      activeByCorrelator.remove(m.cluster, m.correlator, m);
    }
    if (m.coSpace != null) {
      activeBySpace.remove(m.cluster, m.coSpace, m);
    }
  }

  /** Drops a forgotten meeting from every index. */
  void forgetIndexes(M m) {
    for (String callId : m.calls.keySet()) {
      byCall.remove(m.cluster, callId, m);
    }
    for (Leg l : m.legObjects()) { // a compact meeting's legs are in no index (settle)
      legs.remove(m.cluster, l.id, l);
      if (l.participantId != null) {
        byParticipant.remove(m.cluster, l.participantId, l);
      }
    }
    byMedia.removeValue(m.cluster, m);
    unindexActive(m);
  }

  static List<Meeting> snapshots(Collection<M> ms) {
    List<Meeting> out = new ArrayList<>(ms.size());
    for (M m : ms) {
      out.add(m.snapshot());
    }
    out.sort(Comparator.comparing(Meeting::startTime).thenComparing(Meeting::id));
    return out;
  }

  static String key(String cluster, String id) {
    return cluster + '|' + id;
  }

  /**
   * Mutable state of one meeting. An ended one is kept in its {@link EndedForm} ({@code form} set,
   * {@code legs} and {@code log} null) and made objects again by {@link #legs()} or {@link #log()}
   * when something changes it; readers decode the form without keeping what they decoded.
   */
  static final class M {
    private final TrackerState owner;
    final String id;
    final String cluster;
    String name;
    String coSpace;
    String correlator;
    String callType;
    String ownerName;
    String tenant;
    String cdrTag;
    boolean locked;
    boolean recording;
    boolean streaming;
    boolean startFromCdr;
    Instant start;
    Instant end;
    String endReason;
    boolean ended;
    Instant endObservedAt;
    final Map<String, CallInfo> calls = new LinkedHashMap<>(2);
    private Map<String, Leg> legs = new LinkedHashMap<>(4);
    private LogRing log = new LogRing();
    private byte[] form;

    private M(TrackerState owner, String id, String cluster, Instant start) {
      this.owner = owner;
      this.id = id;
      this.cluster = cluster;
      this.start = start;
    }

    void fill(CallStart c, ValuePool values) {
      name = name != null ? name : c.name();
      coSpace = coSpace != null ? coSpace : c.coSpace();
      correlator = correlator != null ? correlator : c.callCorrelator();
      callType = callType != null ? callType : values.share(c.callType());
      ownerName = ownerName != null ? ownerName : c.ownerName();
      tenant = tenant != null ? tenant : c.tenant();
      cdrTag = cdrTag != null ? cdrTag : c.cdrTag();
    }

    /** {@return the legs by leg GUID, to be changed: made objects again if in the ended form} */
    Map<String, Leg> legs() {
      if (form != null) {
        owner.thaw(this);
      }
      return legs;
    }

    /** {@return the log, to be changed: made objects again if in the ended form} */
    LogRing log() {
      if (form != null) {
        owner.thaw(this);
      }
      return log;
    }

    /** {@return the leg objects: none for a compact meeting, whose legs have all ended} */
    private Collection<Leg> legObjects() {
      return form != null ? List.of() : legs.values();
    }

    /** {@return whether the meeting is kept in its ended form} */
    boolean inEndedForm() {
      return form != null;
    }

    /** {@return whether leg or participant GUID {@code id} is one of the meeting's} */
    boolean hasLegOrParticipant(String id) {
      if (form != null) {
        return EndedForm.namesLegOrParticipant(form, id);
      }
      for (Leg l : legs.values()) {
        if (l.id.equals(id) || id.equals(l.participantId)) {
          return true;
        }
      }
      return false;
    }

    /** {@return how many participants (legs that are not links) have not left} */
    int activeParticipants() {
      int n = 0;
      for (Leg l : legObjects()) {
        if (!l.link && l.state != ParticipantState.ENDED) {
          n++;
        }
      }
      return n;
    }

    boolean hasSession(String session) {
      for (CallInfo c : calls.values()) {
        if (session.equals(c.session)) {
          return true;
        }
      }
      return false;
    }

    /**
     * A snapshot without participants and log: what a query matches on, with {@link
     * #participantAddresses()}.
     */
    Meeting summary() {
      return snapshot(List.of(), List.of());
    }

    /** {@return the participants' addresses ({@code remoteParty}, may be null), in leg order} */
    List<String> participantAddresses() {
      if (form != null) {
        return EndedForm.participantAddresses(form);
      }
      List<String> out = new ArrayList<>(legs.size());
      for (Leg l : legs.values()) {
        if (!l.link) {
          out.add(l.remoteParty);
        }
      }
      return out;
    }

    Meeting snapshot() {
      if (form != null) {
        EndedForm.Content c = EndedForm.decode(form, this);
        return snapshot(c.legs(), c.log());
      }
      return snapshot(legs.values(), log.entries());
    }

    private Meeting snapshot(Collection<Leg> legs, List<LogEntry> logCopy) {
      List<Meeting.Call> cs = new ArrayList<>(calls.size());
      for (CallInfo c : calls.values()) {
        cs.add(new Meeting.Call(c.callId, c.bridge, c.session, c.bridgeId, c.ended));
      }
      List<Meeting.Participant> ps = new ArrayList<>(legs.size());
      for (Leg l : legs) {
        if (!l.link) {
          ps.add(l.snapshot());
        }
      }
      return new Meeting(id, cluster, name, coSpace, correlator, callType, ownerName, tenant,
          cdrTag, locked, recording, streaming,
          ended ? Meeting.State.ENDED : Meeting.State.ACTIVE, start, end, endReason, cs, ps,
          logCopy);
    }
  }

  /** Mutable state of one call of a meeting. */
  static final class CallInfo {
    final String callId;
    String bridge;
    String session;
    String bridgeId;
    boolean ended;
    boolean endedByResync;

    CallInfo(String callId, String bridge, String session, String bridgeId) {
      this.callId = callId;
      this.bridge = bridge;
      this.session = session;
      this.bridgeId = bridgeId;
    }

    void seenInCdr(String cdrBridge, String cdrSession) {
      if (session == null) {
        session = cdrSession;
        bridge = cdrBridge;
      }
    }
  }

  /** Mutable state of one call leg, in a meeting or not yet. */
  static final class Leg {
    /** How many lobby intervals a participant keeps, the newest. */
    static final int MAX_LOBBY_INTERVALS = 16;

    final String id;
    final String cluster;
    final String bridge;
    Instant joinedAt;
    boolean joinedFromCdr;
    String participantId;
    String callId;
    M meeting;
    String displayName;
    String remoteParty;
    String direction;
    boolean link;
    boolean connected;
    boolean lobby;
    ParticipantState state = ParticipantState.CONNECTING;
    Instant leftAt;
    String endReason;
    boolean endedByResync;
    // The callLegEnd durationSeconds, if hasDuration: a primitive, not the record's Long.
    boolean hasDuration;
    long durationSeconds;
    // Live media state (Events roster, REST); the lists stay null until used, to keep a leg small.
    Mute mute = Mute.NONE;
    String layout;
    Long importance;
    boolean presenter;
    boolean activeSpeaker;
    List<CallLegEnd.Alarm> alarms;
    // The kept lobby intervals, oldest first, at most MAX_LOBBY_INTERVALS (null until the first
    // wait): an array of exactly their number, so a snapshot's list is one copy of it; lobbyList
    // is the list last built from it, null once they changed.
    private Interval[] waits;
    private List<Interval> lobbyList;

    Leg(String id, String cluster, String bridge, Instant joinedAt, boolean fromCdr) {
      this.id = id;
      this.cluster = cluster;
      this.bridge = bridge;
      this.joinedAt = joinedAt;
      this.joinedFromCdr = fromCdr;
    }

    /** {@return the display name, else the leg GUID} */
    String label() {
      return displayName == null ? id : displayName;
    }

    /**
     * Enters the lobby at {@code t}, unless waiting already. Only the newest {@link
     * #MAX_LOBBY_INTERVALS} intervals are kept, so a flapping participant costs bounded memory and
     * a toggle costs the same however often it happened.
     */
    void enterLobby(Instant t) {
      int n = waits == null ? 0 : waits.length;
      if (n > 0 && waits[n - 1].end() == null) {
        return;
      }
      if (n == MAX_LOBBY_INTERVALS) {
        System.arraycopy(waits, 1, waits, 0, n - 1); // the oldest goes
      } else {
        waits = n == 0 ? new Interval[1] : Arrays.copyOf(waits, n + 1);
      }
      waits[waits.length - 1] = new Interval(t, null);
      lobbyList = null;
    }

    /** Leaves the lobby at {@code t} (not before the wait began), if waiting. */
    void leaveLobby(Instant t) {
      int n = waits == null ? 0 : waits.length;
      if (n > 0 && waits[n - 1].end() == null) {
        Instant start = waits[n - 1].start();
        waits[n - 1] = new Interval(start, t.isBefore(start) ? start : t);
        lobbyList = null;
      }
    }

    /** Sets the kept lobby intervals, oldest first, at most {@link #MAX_LOBBY_INTERVALS}. */
    void restoreLobby(Interval[] kept) {
      waits = kept;
      lobbyList = null;
    }

    /** {@return the kept lobby intervals, oldest first} Built once per change and shared. */
    List<Interval> lobbyIntervals() {
      if (waits == null) {
        return List.of();
      }
      if (lobbyList == null) {
        lobbyList = List.of(waits);
      }
      return lobbyList;
    }

    Meeting.Participant snapshot() {
      Duration duration = hasDuration ? Duration.ofSeconds(durationSeconds)
          : leftAt != null && !leftAt.isBefore(joinedAt) ? Duration.between(joinedAt, leftAt)
          : null;
      return new Meeting.Participant(id, participantId, callId, bridge, displayName, remoteParty,
          direction, state, joinedAt, leftAt,
          lobbyIntervals(), mute, layout, importance,
          presenter, activeSpeaker, alarms == null ? List.of() : alarms, endReason, duration);
    }
  }
}
