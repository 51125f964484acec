package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CallEnd;
import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.cdr.CallLegStart;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CallStart;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrListener;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.RecordingEnd;
import io.mmsdk.cdr.RecordingStart;
import io.mmsdk.cdr.StreamingEnd;
import io.mmsdk.cdr.StreamingStart;
import io.mmsdk.cms.CmsField;
import io.mmsdk.cms.events.EventFields;
import io.mmsdk.cms.events.EventUpdate;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.Interval;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.Mute;
import io.mmsdk.meetings.Meeting.ParticipantState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps live meetings, their participants and state, merged from CDR events, Events API updates
 * ({@link #onCallInfo}, {@link #onRosterUpdate}) and REST re-syncs — {@link LiveMeetings} feeds
 * all three — and answers {@link MeetingHistory} queries over what it keeps. For CDRs alone, add
 * it as a {@link
 * CdrListener} of an {@link io.mmsdk.cdr.CdrPipeline}. It merges the calls of one meeting hosted on several Call
 * Bridges (same {@code callCorrelator}, else same space), tolerates records that arrive out of
 * order or never (a leg that starts before its call, a call whose {@code callStart} was lost,
 * re-sent records), ends the calls of a Call Bridge that restarted, and keeps ended meetings with
 * their log for the retention period (7 days by default) measured on the {@link Scheduler}'s clock.
 *
 * <p>A meeting's log keeps its newest entries within two bounds: at most {@link
 * Builder#maxLogEntries} entries (5,000 by default) and at most {@link
 * Builder#maxLogBytesPerParticipant} estimated bytes (8 KiB by default) per call leg the meeting
 * has
 * had (at least one), so a flapping participant cannot exhaust memory and a meeting's log costs at
 * most that much per participant.
 *
 * <p>{@link MeetingListener}s are told of each change after the tracker's lock is released, in
 * order, on the {@linkplain Builder#listenerExecutor listener executor}; CDR ingest never waits for
 * them.
 *
 * <p>Thread-safe. {@link #close()} stops the periodic clean-up and the tracker's listener thread.
 */
public final class MeetingTracker implements CdrListener, MeetingHistory, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MeetingTracker.class);
  private static final String DISTRIBUTION_LINK = "distributionLink";
  /**
   * The estimated retained size of a log entry without its strings: the entry, its {@code Instant}
   * and its slot in the log.
   */
  static final int LOG_ENTRY_BYTES = 64;
  /** The estimated retained size of a non-empty string without its characters. */
  static final int STRING_BYTES = 40;
  /** How many calls and participants seen only in events are remembered. */
  static final int MAX_EARLY = 10_000;

  private final Scheduler scheduler;
  private final Duration retention;
  private final int maxLogEntries;
  private final long maxLogBytesPerParticipant;
  private final int maxPendingChanges;
  private final List<MeetingListener> listeners;
  private final Executor listenerExecutor;
  private final ExecutorService ownedExecutor;
  private final Scheduler.Cancellable purgeTask;
  private final SpaceTags spaceTags;

  // Changes (MeetingChange) and gaps (SourceGap) not yet handed to listeners, guarded by this;
  // delivered by drain() outside the lock.
  private List<Object> pending = new ArrayList<>();
  private final Set<String> reportedGaps = new java.util.HashSet<>();
  // Events state for calls and participants no CDR or re-sync has shown yet (the Events socket can
  // be faster than CDR delivery), applied when they appear; bounded, the oldest dropped.
  private final Map<String, Map<String, String>> early = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
      return size() > MAX_EARLY;
    }
  };
  private Predicate<String> tracked = cluster -> true;
  private long dropped;
  private boolean drainScheduled;
  private boolean closed;

  private final Map<String, M> meetings = new LinkedHashMap<>();
  private final Map<String, M> byCall = new HashMap<>();
  private final Map<String, M> activeByCorrelator = new HashMap<>();
  private final Map<String, M> activeBySpace = new HashMap<>();
  private final Map<String, Leg> legs = new HashMap<>();
  private final Map<String, M> byMedia = new HashMap<>();
  // cluster -> participant GUID -> leg: nested, so no concatenated key per participant is kept.
  private final Map<String, Map<String, Leg>> byParticipant = new HashMap<>();

  private MeetingTracker(Builder b) {
    this.scheduler = b.scheduler;
    this.retention = b.retention;
    this.maxLogEntries = b.maxLogEntries;
    this.maxLogBytesPerParticipant = b.maxLogBytesPerParticipant;
    this.maxPendingChanges = b.maxPendingChanges;
    this.spaceTags = b.spaceTags;
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
    if (b.listenerExecutor != null) {
      this.ownedExecutor = null;
      this.listenerExecutor = b.listenerExecutor;
    } else {
      this.ownedExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mm-meeting-listeners");
        t.setDaemon(true);
        return t;
      });
      this.listenerExecutor = ownedExecutor;
    }
    this.purgeTask =
        scheduler.scheduleRepeating(Duration.ofHours(1), Duration.ofHours(1), this::purgeExpired);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds a listener for changes from now on.
   *
   * @param listener the listener, called after the tracker's lock is released; not null
   */
  public void addListener(MeetingListener listener) {
    listeners.add(requireNonNull(listener, "listener == null"));
  }

  /**
   * Applies one CDR event (ignored if its cluster is not tracked). Listeners are told of the
   * changes it makes after the tracker's lock is released, on the listener executor.
   *
   * @param event the pipeline's event
   */
  @Override
  public void onEvent(CdrEvent event) {
    requireNonNull(event, "event == null");
    synchronized (this) {
      String cluster = event.origin().clusterId();
      if (!tracked.test(cluster)) {
        return;
      }
      if (event instanceof CdrEvent.RecordReceived r) {
        onRecord(cluster, r.session(), r.callBridge(), r.record());
      } else if (event instanceof CdrEvent.CallBridgeRestarted r) {
        onRestart(cluster, r.previousSession(), r);
      } else if (event instanceof CdrEvent.RecordsMissing m) {
        String range = m.firstIndex() + ".." + m.lastIndex();
        if (reportedGaps.add(cluster + '|' + m.session() + '|' + range)) {
          for (M meeting : new ArrayList<>(meetings.values())) {
            if (!meeting.ended && meeting.hasSession(m.session())) {
              change(meeting, new LogEntry(scheduler.now(), LogKind.RECORDS_MISSING, m.session(),
                  m.count() + " records " + m.cause()), null);
            }
          }
          queueGap(new SourceGap(SourceGap.Source.CDR, cluster, m.session(), scheduler.now(),
              m.count() + " records " + m.cause() + " (indices " + range + ")"));
        }
      }
    }
    deliver();
  }

  /**
   * Applies a {@code callInfoUpdate} (or the fields of a {@code callListUpdate} entry) of call
   * {@code callId}: name, {@code lockState}, {@code recording}, {@code streaming}. Called by the
   * Events clients {@link LiveMeetings} runs; call it yourself if you run your own {@link
   * io.mmsdk.cms.events.CmsEventsClient}. State of a call no CDR has shown yet is kept until the
   * call appears. Listeners are told after the lock is released.
   *
   * @param clusterId the cluster
   * @param bridgeId the registered Call Bridge whose events socket reported it
   * @param callId the call GUID
   * @param fields the reported elements, as {@link io.mmsdk.cms.events.CallInfoUpdate#fields()}
   */
  public void onCallInfo(String clusterId, String bridgeId, String callId,
      Map<String, String> fields) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(callId, "callId == null");
    requireNonNull(fields, "fields == null");
    synchronized (this) {
      if (!tracked.test(clusterId)) {
        return;
      }
      M m = byCall.get(key(clusterId, callId));
      if (m == null || m.ended) {
        if (m == null) {
          early.computeIfAbsent("C|" + key(clusterId, callId), k -> new HashMap<>()).putAll(fields);
        }
        return;
      }
      CallInfo ci = m.calls.get(callId);
      if (ci != null && bridgeId != null) {
        ci.bridgeId = bridgeId;
      }
      applyCallFields(m, fields, scheduler.now());
    }
    deliver();
  }

  /**
   * Applies one {@code rosterUpdate} entry of call {@code callId}: a participant's mute states,
   * layout, importance, presenter and active speaker. CDRs stay authoritative for joins and
   * leaves, so a {@code remove} changes nothing here. State of a participant no CDR or re-sync has
   * shown yet is kept until it appears. Listeners are told after the lock is released.
   *
   * @param clusterId the cluster
   * @param callId the call the roster belongs to
   * @param update the roster entry; its id is the participant GUID
   */
  public void onRosterUpdate(String clusterId, String callId, EventUpdate update) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(update, "update == null");
    if (update.isRemove()) {
      return;
    }
    synchronized (this) {
      if (!tracked.test(clusterId)) {
        return;
      }
      Leg leg = byParticipant.getOrDefault(clusterId, Map.of()).get(update.id());
      if (leg == null) {
        early.computeIfAbsent("P|" + key(clusterId, update.id()), k -> new HashMap<>())
            .putAll(update.fields());
        return;
      }
      applyRosterFields(leg, update.fields());
    }
    deliver();
  }

  /** The end reason of a call or leg a REST re-sync no longer finds on its Call Bridge. */
  static final String NOT_FOUND_ON_RESYNC = "notFoundOnResync";

  /**
   * Corrects the view of cluster {@code clusterId} from a REST re-sync of all its Call Bridges:
   * calls and legs the view lacks are added (their start estimated from {@code durationSeconds},
   * later replaced by CDR times), states are corrected, and running calls and legs no Call Bridge
   * lists any more end with reason {@value #NOT_FOUND_ON_RESYNC} (a later CDR gives the real end
   * time). Each corrected meeting logs one {@link LogKind#RESYNCED} entry saying what changed.
   *
   * @param calls what the answering bridges listed
   * @param answered the registered Call Bridges that answered: a running call is ended only if the
   *     bridge that reported it answered, or, for a call no bridge has claimed yet, if every bridge
   *     did ({@code complete})
   * @param complete whether every bridge of the cluster answered
   */
  void resync(String clusterId, List<RestSnapshot.Call> calls, Set<String> answered,
      boolean complete) {
    synchronized (this) {
      if (!tracked.test(clusterId)) {
        return;
      }
      Instant now = scheduler.now();
      Set<String> seenCalls = new java.util.HashSet<>();
      for (RestSnapshot.Call rc : calls) {
        seenCalls.add(rc.callId());
        resyncCall(clusterId, rc, now);
      }
      for (M m : new ArrayList<>(meetings.values())) {
        if (m.ended || !m.cluster.equals(clusterId)) {
          continue;
        }
        for (CallInfo ci : new ArrayList<>(m.calls.values())) {
          boolean askedItsBridge = ci.bridgeId != null ? answered.contains(ci.bridgeId) : complete;
          if (!ci.ended && askedItsBridge && !seenCalls.contains(ci.callId)) {
            endCall(m, ci.callId, now, NOT_FOUND_ON_RESYNC, false);
          }
        }
      }
    }
    deliver();
  }

  private void resyncCall(String cluster, RestSnapshot.Call rc, Instant now) {
    List<String> fixed = new ArrayList<>();
    M m = byCall.get(key(cluster, rc.callId()));
    if (m != null && m.ended) {
      return; // its callEnd arrived after the Call Bridge listed it
    }
    if (m == null) {
      M target = rc.correlator() == null ? null
          : activeByCorrelator.get(key(cluster, rc.correlator()));
      if (target == null && rc.coSpace() != null) {
        target = activeBySpace.get(key(cluster, rc.coSpace()));
      }
      CallInfo ci = new CallInfo(rc.callId(), null, null, rc.bridgeId());
      if (target != null) {
        m = target;
        m.calls.put(rc.callId(), ci);
        byCall.put(key(cluster, rc.callId()), m);
        change(m, new LogEntry(now, LogKind.CALL_ADDED, rc.callId(), "found by re-sync"), null);
      } else {
        Instant start = rc.durationSeconds() == null ? now : now.minusSeconds(rc.durationSeconds());
        m = new M(rc.callId(), cluster, start);
        m.name = rc.name();
        m.calls.put(rc.callId(), ci);
        meetings.put(m.id, m);
        byCall.put(key(cluster, rc.callId()), m);
        change(m, new LogEntry(start, LogKind.MEETING_STARTED, rc.callId(),
            m.name == null ? "" : m.name), null);
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
    index(m);
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
    Set<String> seenLegs = new java.util.HashSet<>();
    for (RestSnapshot.Leg rl : rc.legs()) {
      seenLegs.add(rl.legId());
      if (!rl.link()) {
        resyncLeg(cluster, m, rc.callId(), rl, now, fixed);
      }
    }
    for (Leg l : new ArrayList<>(m.legs.values())) {
      if (rc.callId().equals(l.callId) && !l.link && l.state != ParticipantState.ENDED
          && !seenLegs.contains(l.id)) {
        endLeg(l, now, NOT_FOUND_ON_RESYNC, false);
        fixed.add((l.displayName == null ? l.id : l.displayName) + " gone");
      }
    }
    if (!fixed.isEmpty()) {
      change(m, new LogEntry(now, LogKind.RESYNCED, rc.callId(), String.join("; ", fixed)), null);
    }
  }

  private void resyncLeg(String cluster, M m, String callId, RestSnapshot.Leg rl, Instant now,
      List<String> fixed) {
    Leg leg = legs.get(key(cluster, rl.legId()));
    Leg known = m.legs.get(rl.legId());
    if (leg == null && known != null) {
      return; // ended here already (its callLegEnd arrived after the listing)
    }
    if (leg == null) {
      Instant joined = rl.durationSeconds() == null ? now : now.minusSeconds(rl.durationSeconds());
      leg = new Leg(rl.legId(), cluster, null, joined, false);
      leg.displayName = rl.name();
      leg.remoteParty = rl.remoteParty();
      leg.direction = rl.direction();
      legs.put(key(cluster, leg.id), leg);
      fixed.add((leg.displayName == null ? leg.id : leg.displayName) + " found");
    }
    nameParticipant(cluster, leg, rl.participantId());
    if (leg.meeting != m) {
      if (leg.meeting != null) {
        leg.meeting.legs.remove(leg.id);
      }
      leg.callId = callId;
      leg.meeting = m;
      m.legs.put(leg.id, leg);
      change(m, new LogEntry(leg.joinedAt, LogKind.PARTICIPANT_JOINED, leg.id,
          leg.displayName == null ? "" : leg.displayName), leg);
    }
    ParticipantState before = leg.state;
    if ("connected".equals(rl.state())) {
      leg.connected = true;
    }
    if (rl.deactivated() != null) {
      leg.lobby = rl.deactivated();
    }
    updateLegState(leg, now);
    if (leg.state != before && before != ParticipantState.CONNECTING) {
      fixed.add((leg.displayName == null ? leg.id : leg.displayName) + " "
          + leg.state.name().toLowerCase(java.util.Locale.ROOT));
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
      fixed.add((leg.displayName == null ? leg.id : leg.displayName) + " media state");
      queue(m, new LogEntry(now, LogKind.PARTICIPANT_UPDATED, leg.id,
          leg.displayName == null ? "" : leg.displayName), leg);
    }
  }

  /** Hands pending changes to the listener executor, outside the tracker's lock. */
  private void deliver() {
    boolean deliver;
    synchronized (this) {
      deliver = !drainScheduled && (!pending.isEmpty() || dropped > 0);
      drainScheduled |= deliver;
    }
    if (deliver) {
      try {
        listenerExecutor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        long lost;
        synchronized (this) {
          lost = pending.size() + dropped;
          pending = new ArrayList<>();
          dropped = 0;
          drainScheduled = false;
        }
        log.warn("Meeting listeners not told of {} changes: the listener executor refused them",
            lost, e);
      }
    }
  }

  /** Hands the pending changes to the listeners, batch by batch, until none are left. */
  private void drain() {
    boolean done = false;
    try {
      while (true) {
        List<Object> batch;
        long lost;
        synchronized (this) {
          if (pending.isEmpty() && dropped == 0) {
            drainScheduled = false;
            done = true;
            return;
          }
          batch = pending;
          lost = dropped;
          pending = new ArrayList<>(Math.min(batch.size(), 1024));
          dropped = 0;
        }
        for (Object item : batch) {
          for (MeetingListener l : listeners) {
            try {
              if (item instanceof MeetingChange c) {
                l.onMeetingChanged(c);
              } else {
                l.onSourceGap((SourceGap) item);
              }
            } catch (RuntimeException ex) {
              log.warn("Meeting listener {} failed on {}; continuing", l,
                  item instanceof MeetingChange c ? c.entry().kind() : "a gap", ex);
            }
          }
        }
        if (lost > 0) {
          log.warn("Meeting listeners fell behind; {} changes dropped", lost);
          for (MeetingListener l : listeners) {
            try {
              l.onChangesDropped(lost);
            } catch (RuntimeException ex) {
              log.warn("Meeting listener {} failed on dropped changes; continuing", l, ex);
            }
          }
        }
      }
    } finally {
      if (!done) {
        synchronized (this) {
          drainScheduled = false; // an Error escaped a listener: the next change delivers again
        }
      }
    }
  }

  /** {@return the meetings running now, oldest first} */
  public synchronized List<Meeting> activeMeetings() {
    return snapshots(meetings.values().stream().filter(m -> !m.ended).toList());
  }

  /**
   * {@return the meetings running now on cluster {@code clusterId}, oldest first}
   *
   * @param clusterId the cluster's id, as in {@link io.mmsdk.cdr.CdrOrigin#clusterId()}
   */
  public synchronized List<Meeting> activeMeetings(String clusterId) {
    requireNonNull(clusterId, "clusterId == null");
    return snapshots(
        meetings.values().stream().filter(m -> !m.ended && m.cluster.equals(clusterId)).toList());
  }

  /**
   * {@return the running meetings in spaces tagged {@code tag}, oldest first}
   *
   * @param tag the tag to look for
   * @param spaceTags the caller's tags of a space GUID (return an empty set if none)
   */
  public synchronized List<Meeting> activeMeetingsInSpacesTagged(
      String tag, Function<String, Set<String>> spaceTags) {
    requireNonNull(tag, "tag == null");
    requireNonNull(spaceTags, "spaceTags == null");
    List<M> out = new ArrayList<>();
    for (M m : meetings.values()) {
      if (!m.ended && m.coSpace != null) {
        Set<String> tags = spaceTags.apply(m.coSpace);
        if (tags != null && tags.contains(tag)) {
          out.add(m);
        }
      }
    }
    return snapshots(out);
  }

  /** {@return every meeting kept: running ones and those ended within the retention period} */
  public synchronized List<Meeting> meetings() {
    return snapshots(meetings.values());
  }

  /**
   * {@return the meeting with {@code id}, if kept}
   *
   * @param id the meeting's id, as in {@link Meeting#id()}
   */
  public synchronized Optional<Meeting> findMeeting(String id) {
    requireNonNull(id, "id == null");
    M m = meetings.get(id);
    return m == null ? Optional.empty() : Optional.of(m.snapshot());
  }

  /**
   * {@return the meeting that call {@code callId} on cluster {@code clusterId} belongs to}
   *
   * @param clusterId the cluster's id, as in {@link io.mmsdk.cdr.CdrOrigin#clusterId()}
   * @param callId the Call Bridge's call id from the CDRs
   */
  public synchronized Optional<Meeting> findMeetingByCall(String clusterId, String callId) {
    M m = byCall.get(key(clusterId, callId));
    return m == null ? Optional.empty() : Optional.of(m.snapshot());
  }

  /**
   * {@return the meeting running now in space {@code spaceId} of cluster {@code clusterId}}
   *
   * @param clusterId the cluster
   * @param spaceId the space (coSpace) GUID
   */
  public synchronized Optional<Meeting> findActiveMeetingInSpace(String clusterId,
      String spaceId) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(spaceId, "spaceId == null");
    M m = activeBySpace.get(key(clusterId, spaceId));
    return m == null || m.ended ? Optional.empty() : Optional.of(m.snapshot());
  }

  /**
   * {@return the kept meeting a participant is or was in}
   *
   * @param clusterId the cluster
   * @param id the participant's call leg GUID or participant GUID
   */
  public synchronized Optional<Meeting> findMeetingOfParticipant(String clusterId, String id) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(id, "id == null");
    Leg leg = legs.get(key(clusterId, id));
    if (leg == null) {
      leg = byParticipant.getOrDefault(clusterId, Map.of()).get(id);
    }
    if (leg != null && leg.meeting != null) {
      return Optional.of(leg.meeting.snapshot());
    }
    for (M m : meetings.values()) { // a participant that left: its meeting no longer indexes it
      if (m.cluster.equals(clusterId)) {
        for (Leg l : m.legs.values()) {
          if (l.id.equals(id) || id.equals(l.participantId)) {
            return Optional.of(m.snapshot());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** {@return how many participant legs are active across all meetings} */
  public synchronized int activeParticipantCount() {
    int n = 0;
    for (M m : meetings.values()) {
      for (Leg l : m.legs.values()) {
        if (!l.link && l.state != ParticipantState.ENDED) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Finds kept meetings (running ones and those ended within the retention period), a page at a
   * time, in {@link MeetingQuery#ORDER}. A tag criterion asks the {@link Builder#spaceTags
   * SpaceTags} outside the tracker's lock.
   *
   * @param query the criteria, page size and cursor
   * @return the matching meetings of this page and the next page's cursor, if any
   * @throws InvalidMeetingQueryException if the cursor is not one a history returned, or the query
   *     has a tag and no {@link Builder#spaceTags SpaceTags} was set
   */
  @Override
  public MeetingPage find(MeetingQuery query) {
    requireNonNull(query, "query == null");
    MeetingQuery.Position after = query.findCursorPosition().orElse(null);
    String tag = query.findTag().orElse(null);
    if (tag != null && spaceTags == null) {
      throw new InvalidMeetingQueryException("the query asks for tag '" + tag + "' but the "
          + "tracker has no space tags; set MeetingTracker.builder().spaceTags(...)");
    }
    List<Candidate> candidates = new ArrayList<>();
    synchronized (this) {
      for (M m : meetings.values()) {
        MeetingQuery.Position p = new MeetingQuery.Position(m.start, m.id);
        if ((after == null || MeetingQuery.ORDER.compare(p, after) > 0)
            && (tag == null || m.coSpace != null) && query.matchesIgnoringTag(m.summary())) {
          candidates.add(new Candidate(p, m.cluster, m.coSpace));
        }
      }
    }
    candidates.sort((a, b) -> MeetingQuery.ORDER.compare(a.position, b.position));
    List<String> ids = new ArrayList<>(query.limit() + 1);
    for (Candidate c : candidates) {
      if (tag == null || spaceTags.tagsOf(c.cluster, c.coSpace).contains(tag)) {
        ids.add(c.position.meetingId());
        if (ids.size() > query.limit()) {
          break;
        }
      }
    }
    boolean more = ids.size() > query.limit();
    List<Meeting> page = new ArrayList<>(Math.min(ids.size(), query.limit()));
    synchronized (this) {
      for (String id : more ? ids.subList(0, query.limit()) : ids) {
        M m = meetings.get(id);
        if (m != null) {
          page.add(m.snapshot());
        }
      }
    }
    return new MeetingPage(page,
        more && !page.isEmpty() ? MeetingQuery.cursorAfter(page.get(page.size() - 1)) : null);
  }

  private record Candidate(MeetingQuery.Position position, String cluster, String coSpace) {}

  /** Forgets meetings that ended more than the retention period ago. Runs hourly by itself. */
  public synchronized void purgeExpired() {
    Instant cutoff = scheduler.now().minus(retention);
    for (var it = meetings.values().iterator(); it.hasNext(); ) {
      M m = it.next();
      if (m.ended && m.endObservedAt.isBefore(cutoff)) {
        it.remove();
        forgetIndexes(m);
      }
    }
  }

  private void forgetIndexes(M m) {
    for (String callId : m.calls.keySet()) {
      byCall.remove(key(m.cluster, callId), m);
    }
    for (Leg l : m.legs.values()) {
      legs.remove(key(m.cluster, l.id), l);
      if (l.participantId != null) {
        unindexParticipant(m.cluster, l);
      }
    }
    byMedia.values().removeIf(x -> x == m);
    if (m.correlator != null) {
      activeByCorrelator.remove(key(m.cluster, m.correlator), m);
    }
    if (m.coSpace != null) {
      activeBySpace.remove(key(m.cluster, m.coSpace), m);
    }
  }

  /**
   * Sets which clusters are tracked; events of other clusters are ignored. {@link LiveMeetings}
   * sets it to the clusters whose "manage meetings" flag is on.
   */
  synchronized void trackOnly(Predicate<String> clusters) {
    this.tracked = requireNonNull(clusters, "clusters == null");
  }

  /** Forgets every meeting, running or ended, of cluster {@code clusterId}. */
  synchronized void forgetCluster(String clusterId) {
    for (var it = meetings.values().iterator(); it.hasNext(); ) {
      M m = it.next();
      if (m.cluster.equals(clusterId)) {
        it.remove();
        forgetIndexes(m);
      }
    }
    legs.values().removeIf(l -> l.meeting == null && clusterId.equals(l.cluster));
    early.keySet().removeIf(k -> k.startsWith("C|" + clusterId + '|')
        || k.startsWith("P|" + clusterId + '|'));
  }

  /** Tells listeners of a gap on a source, once per gap; see {@link SourceGap}. */
  void reportGap(SourceGap gap) {
    synchronized (this) {
      queueGap(gap);
    }
    deliver();
  }

  private void queueGap(SourceGap gap) {
    if (listeners.isEmpty() || closed) {
      return;
    }
    if (pending.size() >= maxPendingChanges) {
      dropped++;
      return;
    }
    pending.add(gap);
  }

  /**
   * Stops the hourly clean-up and the tracker's own listener thread (never a caller-supplied
   * executor). Changes made before are still delivered; listeners are not told of later ones.
   */
  @Override
  public void close() {
    purgeTask.cancel();
    synchronized (this) {
      closed = true;
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
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
      nameParticipant(cluster, leg, s.groupId());
      leg.displayName = s.displayName() != null ? s.displayName() : leg.displayName;
      leg.remoteParty = s.remoteParty() != null ? s.remoteParty() : leg.remoteParty;
      leg.direction = s.direction();
      leg.link = DISTRIBUTION_LINK.equals(s.subType());
      if (s.callId() != null) {
        attach(cluster, session, bridge, leg, s.callId(), t);
      }
    } else if (record instanceof CallLegUpdate u) {
      Leg leg = leg(cluster, u.callLegId(), bridge, t);
      nameParticipant(cluster, leg, u.groupId());
      if (u.displayName() != null) {
        leg.displayName = u.displayName();
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
      Leg leg = legs.get(key(cluster, e.callLegId()));
      if (leg == null || leg.meeting == null) {
        // The leg never reached a meeting we know (e.g. it ended in an IVR): nothing to show.
        legs.remove(key(cluster, e.callLegId()));
        return;
      }
      if (!e.alarms().isEmpty()) {
        leg.alarms = e.alarms();
      }
      leg.durationSeconds = e.durationSeconds();
      endLeg(leg, t, e.reason(), true);
    } else if (record instanceof CallEnd e) {
      M m = byCall.get(key(cluster, e.callId()));
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
    M existing = byCall.get(key(cluster, c.callId()));
    M target = null;
    if (c.callCorrelator() != null) {
      target = activeByCorrelator.get(key(cluster, c.callCorrelator()));
    }
    if (target == null && c.coSpace() != null) {
      target = activeBySpace.get(key(cluster, c.coSpace()));
    }
    if (existing != null && existing.ended) {
      return; // a late callStart for a call we already closed
    }
    if (existing != null) {
      existing.fill(c);
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
      index(existing);
      return;
    }
    if (target != null) {
      target.fill(c);
      target.calls.put(c.callId(), new CallInfo(c.callId(), bridge, session, null));
      byCall.put(key(cluster, c.callId()), target);
      change(target, new LogEntry(t, LogKind.CALL_ADDED, c.callId(),
          bridge == null ? "" : "on Call Bridge " + bridge), null);
      applyEarlyCall(target, c.callId(), t);
      return;
    }
    M m = newMeeting(cluster, new CallInfo(c.callId(), bridge, session, null), t, c, true);
    index(m);
  }

  /**
   * Starts a meeting with its first call; {@code start} (may be null) names it before listeners
   * hear of it, so the start event carries the name.
   */
  private M newMeeting(String cluster, CallInfo call, Instant t, CallStart start,
      boolean fromCdr) {
    M m = new M(call.callId, cluster, t);
    m.startFromCdr = fromCdr;
    if (start != null) {
      m.fill(start);
    }
    m.calls.put(call.callId, call);
    meetings.put(m.id, m);
    byCall.put(key(cluster, call.callId), m);
    change(m, new LogEntry(t, LogKind.MEETING_STARTED, call.callId,
        m.name == null ? "" : m.name), null);
    applyEarlyCall(m, call.callId, t);
    return m;
  }

  private void applyEarlyCall(M m, String callId, Instant t) {
    Map<String, String> fields = early.remove("C|" + key(m.cluster, callId));
    if (fields != null) {
      applyCallFields(m, fields, t);
    }
  }

  /** Records the participant GUID of {@code leg}, and applies events that came before it. */
  private void nameParticipant(String cluster, Leg leg, String participantId) {
    if (participantId == null || participantId.equals(leg.participantId)) {
      return;
    }
    if (leg.participantId != null) {
      unindexParticipant(cluster, leg);
    }
    leg.participantId = participantId;
    byParticipant.computeIfAbsent(cluster, k -> new HashMap<>()).put(participantId, leg);
    Map<String, String> fields = early.remove("P|" + key(cluster, participantId));
    if (fields != null) {
      applyRosterFields(leg, fields);
    }
  }

  private void unindexParticipant(String cluster, Leg leg) {
    Map<String, Leg> ofCluster = byParticipant.get(cluster);
    if (ofCluster != null) {
      ofCluster.remove(leg.participantId, leg);
      if (ofCluster.isEmpty()) {
        byParticipant.remove(cluster);
      }
    }
  }

  /** Applies callInfo / callListUpdate elements to a running meeting. */
  private void applyCallFields(M m, Map<String, String> f, Instant t) {
    if (m.name == null && text(f, EventFields.NAME) != null) {
      m.name = text(f, EventFields.NAME);
    }
    String lock = text(f, EventFields.LOCK_STATE);
    if (lock != null && m.locked != lock.equals("locked")) {
      m.locked = lock.equals("locked");
      change(m, new LogEntry(t, LogKind.LOCK_CHANGED, m.id, lock), null);
    }
    Boolean recording = bool(text(f, EventFields.RECORDING));
    if (recording != null && recording != m.recording) {
      m.recording = recording;
      // Told at once; the log keeps the CDR's recordingStart/End entry (with the recording id).
      queue(m, new LogEntry(t, recording ? LogKind.RECORDING_STARTED : LogKind.RECORDING_STOPPED,
          m.id, "events"), null);
    }
    Boolean streaming = bool(text(f, EventFields.STREAMING));
    if (streaming != null && streaming != m.streaming) {
      m.streaming = streaming;
      queue(m, new LogEntry(t, streaming ? LogKind.STREAMING_STARTED : LogKind.STREAMING_STOPPED,
          m.id, "events"), null);
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
      if (!java.util.Objects.equals(value, leg.importance)) {
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
      queue(leg.meeting, new LogEntry(scheduler.now(), LogKind.PARTICIPANT_UPDATED, leg.id,
          leg.displayName == null ? "" : leg.displayName), leg);
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

  private void index(M m) {
    if (m.correlator != null) {
      activeByCorrelator.put(key(m.cluster, m.correlator), m);
    }
    if (m.coSpace != null) {
      activeBySpace.put(key(m.cluster, m.coSpace), m);
    }
  }

  /**
   * Moves everything of {@code from} (a meeting made before its callStart arrived) into {@code to}.
   */
  private void merge(M from, M to) {
    meetings.remove(from.id);
    for (Leg l : from.legs.values()) {
      l.meeting = to;
      to.legs.put(l.id, l);
    }
    List<LogEntry> added = new ArrayList<>(from.calls.size());
    for (CallInfo ci : from.calls.values()) {
      to.calls.put(ci.callId, ci);
      byCall.put(key(to.cluster, ci.callId), to);
      added.add(new LogEntry(from.start, LogKind.CALL_ADDED, ci.callId,
          ci.bridge == null ? "" : "on Call Bridge " + ci.bridge));
    }
    List<LogEntry> merged = new ArrayList<>(to.log);
    merged.addAll(added);
    for (LogEntry e : from.log) {
      if (e.kind() != LogKind.MEETING_STARTED) {
        merged.add(e);
      }
    }
    merged.sort(Comparator.comparing(LogEntry::time));
    to.log.clear();
    to.logBytes = 0;
    for (LogEntry e : merged) {
      appendLog(to, e);
    }
    if (from.start.isBefore(to.start)) {
      to.start = from.start;
    }
    byMedia.replaceAll((k, v) -> v == from ? to : v);
    // Listeners knew from's calls and legs under its id: tell them where they went.
    queue(from, new LogEntry(from.start, LogKind.MEETING_MERGED, to.id, ""), null);
    for (LogEntry e : added) {
      queue(to, e, null);
    }
  }

  private Leg leg(String cluster, String legId, String bridge, Instant t) {
    return legs.computeIfAbsent(key(cluster, legId), k -> new Leg(legId, cluster, bridge, t, true));
  }

  private void attach(String cluster, String session, String bridge, Leg leg, String callId,
      Instant t) {
    M m = byCall.get(key(cluster, callId));
    if (m == null) {
      // The leg names a call whose callStart has not arrived (or never will): start the meeting.
      m = newMeeting(cluster, new CallInfo(callId, bridge, session, null), t, null, true);
    }
    Leg known = m.legs.get(leg.id);
    if (known != null && known != leg && known.state == ParticipantState.ENDED) {
      legs.remove(key(cluster, leg.id), leg); // a late update for a leg that already left
      return;
    }
    if (leg.meeting != null && leg.meeting != m) {
      leg.meeting.legs.remove(leg.id);
    }
    boolean isNew = leg.meeting != m;
    leg.callId = callId;
    leg.meeting = m;
    m.legs.put(leg.id, leg);
    if (isNew && !leg.link) {
      change(m, new LogEntry(t, LogKind.PARTICIPANT_JOINED, leg.id,
          leg.displayName == null ? "" : leg.displayName), leg);
    }
    updateLegState(leg, t);
  }

  private void updateLegState(Leg leg, Instant t) {
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
      change(leg.meeting, new LogEntry(t,
          s == ParticipantState.CONNECTED ? LogKind.PARTICIPANT_CONNECTED
              : LogKind.PARTICIPANT_IN_LOBBY,
          leg.id, leg.displayName == null ? "" : leg.displayName), leg);
    }
  }

  private void endLeg(Leg leg, Instant t, String reason, boolean fromCdr) {
    if (leg.state == ParticipantState.ENDED) {
      if (reason != null && fromCdr) {
        leg.endReason = reason;
      }
      if (fromCdr && leg.endedByResync) {
        leg.leftAt = t; // a re-sync found it gone; the record says when it left
        leg.endedByResync = false;
        legs.remove(key(leg.meeting.cluster, leg.id), leg);
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
      legs.remove(key(leg.meeting.cluster, leg.id), leg);
    } // else kept, so that its callLegEnd, if it comes, corrects the time and reason
    if (!leg.link) {
      change(leg.meeting, new LogEntry(t, LogKind.PARTICIPANT_LEFT, leg.id,
          reason == null ? "" : reason), leg);
    }
  }

  private void endCall(M m, String callId, Instant t, String reason, boolean fromCdr) {
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
    for (Leg l : new ArrayList<>(m.legs.values())) {
      if (callId.equals(l.callId) && l.state != ParticipantState.ENDED) {
        endLeg(l, t, reason, fromCdr);
      }
    }
    change(m, new LogEntry(t, LogKind.CALL_ENDED, callId, reason), null);
    if (m.calls.values().stream().allMatch(c -> c.ended)) {
      m.ended = true;
      m.end = t;
      m.endReason = reason;
      m.endObservedAt = scheduler.now();
      if (m.correlator != null) {
        activeByCorrelator.remove(key(m.cluster, m.correlator), m);
      }
      if (m.coSpace != null) {
        activeBySpace.remove(key(m.cluster, m.coSpace), m);
      }
      change(m, new LogEntry(t, LogKind.MEETING_ENDED, m.id, reason), null);
    }
  }

  private void onRestart(String cluster, String previousSession, CdrEvent.CallBridgeRestarted r) {
    Instant t = scheduler.now();
    for (M m : new ArrayList<>(meetings.values())) {
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
    legs.values().removeIf(l -> l.meeting == null && r.callBridge() != null
        && r.callBridge().equals(l.bridge));
  }

  private void media(String cluster, String callId, String mediaId, LogKind kind, Instant t,
      String detail) {
    M m = callId != null ? byCall.get(key(cluster, callId)) : byMedia.get(key(cluster, mediaId));
    if (m == null) {
      return;
    }
    if (callId != null) {
      byMedia.put(key(cluster, mediaId), m);
    } else {
      byMedia.remove(key(cluster, mediaId));
    }
    if (kind == LogKind.RECORDING_STARTED || kind == LogKind.RECORDING_STOPPED) {
      m.recording = kind == LogKind.RECORDING_STARTED;
    } else {
      m.streaming = kind == LogKind.STREAMING_STARTED;
    }
    change(m, new LogEntry(t, kind, mediaId, detail), null);
  }

  /** Logs {@code e} in {@code m} and queues it for the listeners. */
  private void change(M m, LogEntry e, Leg participant) {
    appendLog(m, e);
    queue(m, e, participant);
  }

  private void queue(M m, LogEntry e, Leg participant) {
    if (listeners.isEmpty() || closed) {
      return;
    }
    if (pending.size() >= maxPendingChanges) {
      dropped++;
      return;
    }
    pending.add(new MeetingChange(m.id, m.cluster, m.name, m.coSpace,
        m.ended ? Meeting.State.ENDED : Meeting.State.ACTIVE, e,
        participant == null ? null : participant.snapshot()));
  }

  /** Appends {@code e} to {@code m}'s log, dropping its oldest entries beyond the log's bounds. */
  private void appendLog(M m, LogEntry e) {
    m.log.addLast(e);
    m.logBytes += estimatedBytes(e);
    long maxBytes = maxLogBytesPerParticipant * Math.max(1, m.legs.size());
    while (m.log.size() > maxLogEntries || (m.logBytes > maxBytes && m.log.size() > 1)) {
      m.logBytes -= estimatedBytes(m.log.pollFirst());
    }
  }

  /**
   * Estimates what {@code e} retains, counting its strings as its own and two bytes per character.
   */
  static long estimatedBytes(LogEntry e) {
    return LOG_ENTRY_BYTES + estimatedBytes(e.subject()) + estimatedBytes(e.detail());
  }

  private static long estimatedBytes(String s) {
    return s == null || s.isEmpty() ? 0 : STRING_BYTES + 2L * s.length();
  }

  private static List<Meeting> snapshots(Collection<M> ms) {
    List<Meeting> out = new ArrayList<>(ms.size());
    for (M m : ms) {
      out.add(m.snapshot());
    }
    out.sort(Comparator.comparing(Meeting::startTime).thenComparing(Meeting::id));
    return out;
  }

  private static String key(String cluster, String id) {
    return cluster + '|' + id;
  }

  /** Mutable state of one meeting. */
  private static final class M {
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
    final Map<String, Leg> legs = new LinkedHashMap<>(4);
    final ArrayDeque<LogEntry> log = new ArrayDeque<>(8);
    long logBytes;

    M(String id, String cluster, Instant start) {
      this.id = id;
      this.cluster = cluster;
      this.start = start;
    }

    void fill(CallStart c) {
      name = name != null ? name : c.name();
      coSpace = coSpace != null ? coSpace : c.coSpace();
      correlator = correlator != null ? correlator : c.callCorrelator();
      callType = callType != null ? callType : c.callType();
      ownerName = ownerName != null ? ownerName : c.ownerName();
      tenant = tenant != null ? tenant : c.tenant();
      cdrTag = cdrTag != null ? cdrTag : c.cdrTag();
    }

    boolean hasSession(String session) {
      for (CallInfo c : calls.values()) {
        if (session.equals(c.session)) {
          return true;
        }
      }
      return false;
    }

    /** A snapshot without the log: what a query matches on. */
    Meeting summary() {
      return snapshot(List.of());
    }

    Meeting snapshot() {
      return snapshot(List.copyOf(log)); // immutable already: Meeting keeps it without a copy
    }

    private Meeting snapshot(List<LogEntry> logCopy) {
      List<Meeting.Call> cs = new ArrayList<>(calls.size());
      for (CallInfo c : calls.values()) {
        cs.add(new Meeting.Call(c.callId, c.bridge, c.session, c.bridgeId, c.ended));
      }
      List<Meeting.Participant> ps = new ArrayList<>(legs.size());
      for (Leg l : legs.values()) {
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

  private static final class CallInfo {
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

  private static final class Leg {
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
    Long durationSeconds;
    // Live media state (Events roster, REST); the lists stay null until used, to keep a leg small.
    Mute mute = Mute.NONE;
    String layout;
    Long importance;
    boolean presenter;
    boolean activeSpeaker;
    List<CallLegEnd.Alarm> alarms;
    List<Interval> lobbyIntervals;

    Leg(String id, String cluster, String bridge, Instant joinedAt, boolean fromCdr) {
      this.id = id;
      this.cluster = cluster;
      this.bridge = bridge;
      this.joinedAt = joinedAt;
      this.joinedFromCdr = fromCdr;
    }

    void enterLobby(Instant t) {
      if (lobbyIntervals == null) {
        lobbyIntervals = new ArrayList<>(2);
      }
      int n = lobbyIntervals.size();
      if (n == 0 || lobbyIntervals.get(n - 1).end() != null) {
        lobbyIntervals.add(new Interval(t, null));
      }
    }

    void leaveLobby(Instant t) {
      int n = lobbyIntervals == null ? 0 : lobbyIntervals.size();
      if (n > 0 && lobbyIntervals.get(n - 1).end() == null) {
        Interval open = lobbyIntervals.get(n - 1);
        lobbyIntervals.set(n - 1, new Interval(open.start(), t.isBefore(open.start()) ? open.start() : t));
      }
    }

    Meeting.Participant snapshot() {
      Duration duration = durationSeconds != null ? Duration.ofSeconds(durationSeconds)
          : leftAt != null && !leftAt.isBefore(joinedAt) ? Duration.between(joinedAt, leftAt)
          : null;
      return new Meeting.Participant(id, participantId, callId, bridge, displayName, remoteParty,
          direction, state, joinedAt, leftAt,
          lobbyIntervals == null ? List.of() : lobbyIntervals, mute, layout, importance,
          presenter, activeSpeaker, alarms == null ? List.of() : alarms, endReason, duration);
    }
  }

  /** Builds a {@link MeetingTracker}. */
  public static final class Builder {
    private Scheduler scheduler = Scheduler.system();
    private Duration retention = Duration.ofDays(7);
    private int maxLogEntries = 5_000;
    private long maxLogBytesPerParticipant = 8 * 1024;
    private int maxPendingChanges = 100_000;
    private Executor listenerExecutor;
    private SpaceTags spaceTags;
    private final List<MeetingListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the scheduler whose clock measures retention and which runs the hourly clean-up.
     *
     * @param scheduler the scheduler whose clock measures retention and which runs the hourly
     *     clean-up
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets how long ended meetings and their logs are kept (default 7 days).
     *
     * @param retention how long ended meetings and their logs are kept (default 7 days)
     * @return this builder
     */
    public Builder retention(Duration retention) {
      requireNonNull(retention, "retention == null");
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive: " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * Sets how many entries a meeting's log keeps at most, the newest (default 5,000).
     *
     * @param maxLogEntries how many entries a meeting's log keeps at most, the newest (default
     *     5,000)
     * @return this builder
     */
    public Builder maxLogEntries(int maxLogEntries) {
      if (maxLogEntries < 1) {
        throw new IllegalArgumentException("maxLogEntries must be at least 1: " + maxLogEntries);
      }
      this.maxLogEntries = maxLogEntries;
      return this;
    }

    /**
     * Sets how many bytes a meeting's log may retain per call leg the meeting has had, at least one
     * leg's worth (default 8 KiB: about 30 entries naming a leg GUID and a display name). Sizes are
     * estimated: 64 bytes per entry plus 40 bytes and two per character for each non-empty string,
     * counted as the entry's own.
     *
     * @param bytes how many bytes a meeting's log may retain per call leg the meeting has had, at
     *     least one leg's worth (default 8 KiB: about 30 entries naming a leg GUID and a display
     *     name)
     * @return this builder
     */
    public Builder maxLogBytesPerParticipant(long bytes) {
      if (bytes < 256) {
        throw new IllegalArgumentException(
            "maxLogBytesPerParticipant must be at least 256 (one entry): " + bytes);
      }
      this.maxLogBytesPerParticipant = bytes;
      return this;
    }

    /**
     * Sets the executor that runs listeners. The tracker hands it one task at a time and changes in
     * order. By default the tracker runs listeners on one daemon thread of its own, stopped by
     * {@link MeetingTracker#close()}, so CDR ingest (and the Call Bridge's acknowledgement) never
     * waits for a listener. {@code Runnable::run} tells listeners on the thread that made the
     * change,
     * after the tracker's lock is released but before {@code onEvent} returns (useful in tests; a
     * thread may then also deliver changes other threads made meanwhile).
     *
     * @param executor the executor that runs listeners
     * @return this builder
     */
    public Builder listenerExecutor(Executor executor) {
      this.listenerExecutor = requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Sets how many changes may wait for slow listeners (default 100,000). Beyond that changes are
     * dropped and listeners told how many through {@link MeetingListener#onChangesDropped}, so a
     * stuck listener costs bounded memory; the tracker's own state stays complete.
     *
     * @param maxPendingChanges how many changes may wait for slow listeners (default 100,000)
     * @return this builder
     */
    public Builder maxPendingChanges(int maxPendingChanges) {
      if (maxPendingChanges < 1) {
        throw new IllegalArgumentException(
            "maxPendingChanges must be at least 1: " + maxPendingChanges);
      }
      this.maxPendingChanges = maxPendingChanges;
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener told of every change from the tracker's first event on, replayed ones
     *     included; not null
     * @return this builder
     */
    public Builder addListener(MeetingListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Sets where tag queries ({@link MeetingQuery.Builder#tag}) read a space's tags (default none:
     * a tag query then fails with {@link InvalidMeetingQueryException}).
     *
     * @param spaceTags the tags of each space
     * @return this builder
     */
    public Builder spaceTags(SpaceTags spaceTags) {
      this.spaceTags = requireNonNull(spaceTags, "spaceTags == null");
      return this;
    }

    /** {@return the tracker} */
    public MeetingTracker build() {
      return new MeetingTracker(this);
    }
  }
}
