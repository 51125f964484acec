package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrListener;
import io.mmsdk.cms.events.EventUpdate;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.meetings.Meeting.LogKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Keeps live meetings, their participants and state, merged from CDR events, Events API updates
 * ({@link #onCallInfo}, {@link #onRosterUpdate}) and REST re-syncs — {@link LiveMeetings} feeds
 * all three — and answers {@link MeetingHistory} queries over what it keeps. For CDRs alone, add
 * it as a {@link
 * CdrListener} of an {@link io.mmsdk.cdr.CdrPipeline}. It merges the calls of one meeting hosted on several Call
 * Bridges (same {@code callCorrelator}, else same space), tolerates records that arrive out of
 * order or never (a leg that starts before its call, a call whose {@code callStart} was lost,
 * re-sent records), ends the calls of a Call Bridge that restarted, and keeps ended meetings with
 * their log for the retention period (7 days by default) measured on the {@link Scheduler}'s clock,
 * at most {@link Builder#maxEndedMeetings} of them (the newest 100,000 by default).
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
 * <p>Thread-safe, with one lock: a private monitor (not the tracker itself) guards all of its
 * state and is held only while a record, an Events update or a re-sync is applied or a snapshot is
 * taken — never while user code runs. Listeners run after it is released, on the listener
 * executor; a tag query asks the {@link Builder#spaceTags SpaceTags} between two short holds of
 * it. {@link #close()} stops the periodic clean-up and the tracker's listener thread.
 */
// One lock: the private `lock` guards all tracker state, held by this facade around each call into
// the collaborators, which do not synchronize themselves: TrackerState (meetings, calls, legs and
// their indexes), CdrApplier (CDR records, restarts, gaps), EventsMerge (Events updates and the
// events held for calls and participants not seen yet), Resync (REST re-syncs), BoundedLog (each
// meeting's log within its bounds), RetainedHistory (snapshots, retention). Two places take it
// themselves because they must release it midway: RetainedHistory.find asks SpaceTags between two
// holds, and ListenerDispatch queues changes under it (called from the above) to a queue with one
// producer (whoever holds the lock) and one consumer (the drain), ends the hold with
// endOfHold() (every mutating method here calls it last in its hold: TrackerState.settle() keeps
// the meetings that ended compact, then dispatch.handOff()), and starts a drain on
// the listener executor only after the lock is released (dispatch.deliver(...) after the hold);
// the drain runs listeners without the lock.
public final class MeetingTracker implements CdrListener, MeetingHistory, AutoCloseable {
  /** The end reason of a call or leg a REST re-sync no longer finds on its Call Bridge. */
  static final String NOT_FOUND_ON_RESYNC = "notFoundOnResync";
  /** The default of {@link Builder#maxEndedMeetings}. */
  public static final int DEFAULT_MAX_ENDED_MEETINGS = 100_000;

  private final Object lock = new Object();
  private final Scheduler scheduler;
  private final ListenerDispatch dispatch;
  private final CdrApplier cdr;
  private final EventsMerge events;
  private final Resync resync;
  private final TrackerState state;
  private final RetainedHistory history;
  private final Scheduler.Cancellable purgeTask;
  private Predicate<String> tracked = cluster -> true;

  private MeetingTracker(Builder b) {
    this.scheduler = b.scheduler;
    this.dispatch = new ListenerDispatch(lock, b.listeners, b.listenerExecutor,
        b.maxPendingChanges);
    this.state = new TrackerState(
        new BoundedLog(b.maxLogEntries, b.maxLogBytesPerParticipant), dispatch,
        b.maxEndedMeetings);
    this.events = new EventsMerge(state, scheduler);
    this.cdr = new CdrApplier(state, events, dispatch, scheduler);
    this.resync = new Resync(state, cdr, events);
    this.history = new RetainedHistory(lock, state, b.retention, b.spaceTags);
    this.purgeTask =
        scheduler.scheduleRepeating(Duration.ofHours(1), Duration.ofHours(1), this::purgeExpired);
  }

  /**
   * Ends a hold that changed meetings: keeps the meetings that ended in it compact ({@link
   * TrackerState#settle}), then {@return whether a listener drain must be started}
   */
  private boolean endOfHold() {
    state.settle();
    return dispatch.handOff();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds a listener for changes from now on.
   *
   * @param listener the listener, called after the tracker's lock is released; not null
   * @return a registration whose {@code close()} removes the listener
   */
  public Registration addListener(MeetingListener listener) {
    return dispatch.addListener(requireNonNull(listener, "listener == null"));
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
    boolean scheduled;
    synchronized (lock) {
      String cluster = event.origin().clusterId();
      if (!tracked.test(cluster)) {
        return;
      }
      cdr.apply(cluster, event);
      scheduled = endOfHold();
    }
    dispatch.deliver(scheduled);
  }

  /**
   * Applies the CDR events of one pipeline delivery in order, under one hold of the tracker's lock
   * (events of clusters not tracked are ignored). Listeners are told of the changes after the lock
   * is released, on the listener executor.
   *
   * @param events the pipeline's events, in order
   * @throws RuntimeException the first failure to apply an event, the later ones suppressed in it,
   *     after every other event was applied
   */
  @Override
  public void onEvents(List<CdrEvent> events) {
    requireNonNull(events, "events == null");
    RuntimeException failure = null;
    boolean scheduled;
    synchronized (lock) {
      for (CdrEvent event : events) {
        String cluster = event.origin().clusterId();
        if (tracked.test(cluster)) {
          try {
            cdr.apply(cluster, event);
          } catch (RuntimeException e) {
            if (failure == null) {
              failure = e;
            } else {
              failure.addSuppressed(e);
            }
          }
        }
      }
      scheduled = endOfHold();
    }
    dispatch.deliver(scheduled);
    if (failure != null) {
      throw failure;
    }
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
    boolean scheduled;
    synchronized (lock) {
      if (!tracked.test(clusterId)) {
        return;
      }
      events.onCallInfo(clusterId, bridgeId, callId, fields);
      scheduled = endOfHold();
    }
    dispatch.deliver(scheduled);
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
    boolean scheduled;
    synchronized (lock) {
      if (!tracked.test(clusterId)) {
        return;
      }
      events.onRoster(clusterId, update.id(), update.fields());
      scheduled = endOfHold();
    }
    dispatch.deliver(scheduled);
  }

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
    boolean scheduled;
    synchronized (lock) {
      if (!tracked.test(clusterId)) {
        return;
      }
      resync.apply(clusterId, calls, answered, complete, scheduler.now());
      scheduled = endOfHold();
    }
    dispatch.deliver(scheduled);
  }

  /** {@return the meetings running now, oldest first} */
  public List<Meeting> activeMeetings() {
    synchronized (lock) {
      return history.active(null);
    }
  }

  /**
   * {@return the meetings running now on cluster {@code clusterId}, oldest first}
   *
   * @param clusterId the cluster's id, as in {@link io.mmsdk.cdr.CdrOrigin#clusterId()}
   */
  public List<Meeting> activeMeetings(String clusterId) {
    requireNonNull(clusterId, "clusterId == null");
    synchronized (lock) {
      return history.active(clusterId);
    }
  }

  /**
   * {@return the running meetings in spaces tagged {@code tag}, oldest first}
   *
   * @param tag the tag to look for
   * @param spaceTags the caller's tags of a space GUID (return an empty set if none)
   */
  public List<Meeting> activeMeetingsInSpacesTagged(
      String tag, Function<String, Set<String>> spaceTags) {
    requireNonNull(tag, "tag == null");
    requireNonNull(spaceTags, "spaceTags == null");
    List<Meeting> active;
    synchronized (lock) {
      active = history.active(null);
    }
    // spaceTags is the caller's code: it runs after the lock is released.
    return active.stream()
        .filter(m -> m.coSpace() != null && containsTag(spaceTags.apply(m.coSpace()), tag))
        .toList();
  }

  private static boolean containsTag(Set<String> tags, String tag) {
    return tags != null && tags.contains(tag);
  }

  /** {@return every meeting kept: running ones and those ended within the retention period} */
  public List<Meeting> meetings() {
    synchronized (lock) {
      return history.all();
    }
  }

  /**
   * {@return the meeting with {@code id}, if kept}
   *
   * @param id the meeting's id, as in {@link Meeting#id()}
   */
  public Optional<Meeting> findMeeting(String id) {
    requireNonNull(id, "id == null");
    synchronized (lock) {
      return history.byId(id);
    }
  }

  /**
   * {@return the meeting that call {@code callId} on cluster {@code clusterId} belongs to}
   *
   * @param clusterId the cluster's id, as in {@link io.mmsdk.cdr.CdrOrigin#clusterId()}
   * @param callId the Call Bridge's call id from the CDRs
   */
  public Optional<Meeting> findMeetingByCall(String clusterId, String callId) {
    synchronized (lock) {
      return history.findByCall(clusterId, callId);
    }
  }

  /**
   * {@return the meeting running now in space {@code spaceId} of cluster {@code clusterId}}
   *
   * @param clusterId the cluster
   * @param spaceId the space (coSpace) GUID
   */
  public Optional<Meeting> findActiveMeetingInSpace(String clusterId, String spaceId) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(spaceId, "spaceId == null");
    synchronized (lock) {
      return history.findActiveInSpace(clusterId, spaceId);
    }
  }

  /**
   * {@return the kept meeting a participant is or was in}
   *
   * @param clusterId the cluster
   * @param id the participant's call leg GUID or participant GUID
   */
  public Optional<Meeting> findMeetingOfParticipant(String clusterId, String id) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(id, "id == null");
    synchronized (lock) {
      return history.findOfParticipant(clusterId, id);
    }
  }

  /** {@return how many participant legs are active across all meetings} */
  public int activeParticipantCount() {
    synchronized (lock) {
      return history.activeParticipantCount();
    }
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
    return history.find(query); // takes the lock itself, twice, to ask SpaceTags outside it
  }

  /** Forgets meetings that ended more than the retention period ago. Runs hourly by itself. */
  public void purgeExpired() {
    synchronized (lock) {
      history.purgeExpired(scheduler.now());
    }
  }

  /**
   * Sets which clusters are tracked; events of other clusters are ignored. {@link LiveMeetings}
   * sets it to the clusters whose "manage meetings" flag is on.
   */
  void trackOnly(Predicate<String> clusters) {
    requireNonNull(clusters, "clusters == null");
    synchronized (lock) {
      this.tracked = clusters;
    }
  }

  /** Forgets every meeting, running or ended, of cluster {@code clusterId}. */
  void forgetCluster(String clusterId) {
    synchronized (lock) {
      history.forgetCluster(clusterId);
      events.forgetCluster(clusterId);
    }
  }

  /** Tells listeners of a gap on a source, once per gap; see {@link SourceGap}. */
  void reportGap(SourceGap gap) {
    boolean scheduled;
    synchronized (lock) {
      dispatch.queueGap(gap);
      scheduled = endOfHold();
    }
    dispatch.deliver(scheduled);
  }

  /**
   * Stops the hourly clean-up and the tracker's own listener thread (never a caller-supplied
   * executor). Changes made before are still delivered: close waits for that up to five seconds,
   * then interrupts the thread. Listeners are not told of later changes.
   */
  @Override
  public void close() {
    purgeTask.cancel();
    dispatch.close();
  }

  /** Builds a {@link MeetingTracker}. */
  public static final class Builder {
    private Scheduler scheduler = Scheduler.system();
    private Duration retention = Duration.ofDays(7);
    private int maxLogEntries = 5_000;
    private int maxEndedMeetings = DEFAULT_MAX_ENDED_MEETINGS;
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
     * Sets how many ended meetings are kept at most (default {@value
     * MeetingTracker#DEFAULT_MAX_ENDED_MEETINGS}): beyond it the meetings that ended first are
     * forgotten before their retention period is over, so a flood of short meetings cannot exhaust
     * memory. Keep ended meetings for longer in a {@link MeetingHistory} store.
     *
     * @param maxEndedMeetings how many ended meetings are kept at most, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxEndedMeetings} is below 1
     */
    public Builder maxEndedMeetings(int maxEndedMeetings) {
      if (maxEndedMeetings < 1) {
        throw new IllegalArgumentException(
            "maxEndedMeetings must be at least 1: " + maxEndedMeetings);
      }
      this.maxEndedMeetings = maxEndedMeetings;
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
