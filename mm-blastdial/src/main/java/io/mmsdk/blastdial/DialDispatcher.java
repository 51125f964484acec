package io.mmsdk.blastdial;

import io.mmsdk.common.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blast dials in progress of one {@link BlastDial} and their dial-outs: at most {@code
 * maxConcurrent} requests in flight toward the bridges (through a {@link DialQueue}), exponential
 * back-off when a bridge answers busy, retry timers, call leg events and the end of each run. The
 * transitions themselves are {@link RunStateMachine}'s.
 *
 * <p>All state is guarded by the facade's lock. Methods without their own {@code synchronized
 * (lock)} block must be called with it held; {@link #drain()} must be called without it, and the
 * gateway is only called without it.
 */
final class DialDispatcher {
  // Logs under the facade's name, the category hosts configure for blast dial.
  private static final Logger log = LoggerFactory.getLogger(BlastDial.class);
  private static final Duration FIRST_BUSY_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BUSY_BACKOFF = Duration.ofSeconds(30);
  private static final int REMEMBERED_FINISHED = 1000;
  private static final Duration MEETING_MEMORY = Duration.ofHours(24);
  private static final int REMEMBERED_EARLY_EVENTS = 10_000;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

  private final Object lock;
  private final Scheduler scheduler;
  private final BlastDialStore store;
  private final SpaceConfigs configs;
  private final Map<String, CallBridgeGateway> gateways;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final DialQueue queue;

  private final Map<String, Run> active = new HashMap<>();
  private final Map<SpaceKey, Meeting> meetingOfSpace = new HashMap<>();
  private final Map<String, LegRef> legs = new HashMap<>();
  private final Map<String, BlastStatus> finished = lruMap(REMEMBERED_FINISHED);
  private final Map<String, LegEvent> earlyEvents = lruMap(REMEMBERED_EARLY_EVENTS);
  private boolean closed;
  // Dial-outs whose bridge request is under way; close() waits for them so their results are kept.
  private int requestsInFlight;
  // close() has returned: the store is the host's again, and results arriving later are dropped.
  private boolean released;

  DialDispatcher(Object lock, Scheduler scheduler, BlastDialStore store, SpaceConfigs configs,
      Map<String, CallBridgeGateway> gateways, Executor executor, int maxConcurrent) {
    this.lock = lock;
    this.scheduler = scheduler;
    this.store = store;
    this.configs = configs;
    this.gateways = gateways;
    if (executor != null) {
      this.executor = executor;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = Executors.newFixedThreadPool(maxConcurrent, daemonThreads());
      this.executor = ownedExecutor;
    }
    this.queue = new DialQueue(this.executor, maxConcurrent);
  }

  /** A call leg's connect or end, as the host reported it. */
  record LegEvent(String legId, boolean connected, String reason, String confirmationStatus) {}

  // ---------------------------------------------------------------- runs (lock held)

  /**
   * Starts the blast dial of the meeting {@code callId} of {@code space} if the first join of that
   * meeting should start one: dialing at once as Primary, waiting as Secondary.
   *
   * @return the new run, or null if none was started
   */
  Run start(SpaceKey space, String callId, String participantAddress) {
    String key = key(space.clusterId(), callId);
    if (closed || active.containsKey(key) || finished.containsKey(key)) {
      return null;
    }
    Meeting current = meetingOfSpace.get(space);
    if (current != null
        && !current.callId().equals(callId)
        && current.startedAt().plus(MEETING_MEMORY).isAfter(scheduler.now())) {
      // Another call id for a space whose meeting has not ended: a distributed instance of the
      // same meeting on another Call Bridge. Its start must not blast dial a second time.
      log.info("Call {} of space {} joins meeting {} already handled; not dialing again",
          callId, space.spaceId(), current.callId());
      return null;
    }
    MonitoringSettings monitoring = configs.monitoring();
    SpaceSetup s = configs.setup(space);
    if (monitoring.role() == MonitoringRole.OFF
        || !s.config().isEnabled()
        || s.contacts().isEmpty()
        || !configs.managesMeetings(space.clusterId())
        || !gateways.containsKey(space.clusterId())) {
      return null;
    }
    List<Run.Slot> slots = RunStateMachine.slotsFor(s.contacts(), participantAddress);
    boolean primary = monitoring.role() == MonitoringRole.PRIMARY;
    Run run =
        new Run(
            space,
            callId,
            scheduler.now(),
            primary ? BlastStatus.Phase.DIALING : BlastStatus.Phase.WAITING_AS_SECONDARY,
            slots);
    active.put(key, run);
    meetingOfSpace.put(space, new Meeting(callId, run.startedAt));
    log.info(
        "Blast dial triggered for space {} call {} ({} contacts, role {})",
        space.spaceId(), callId, slots.size(), monitoring.role());
    return run;
  }

  /** Queues a dial-out to every pending contact of {@code run}, then checks whether it is over. */
  void dialPending(Run run) {
    for (Run.Slot slot : run.slots) {
      if (slot.state == ContactState.PENDING) {
        enqueueDial(run, slot);
      }
    }
    checkComplete(run);
  }

  /** Starts a new attempt on {@code slot} and queues its dial-out. */
  void enqueueDial(Run run, Run.Slot slot) {
    RunStateMachine.startAttempt(run, slot);
    queue.add(() -> dial(run, slot));
  }

  /** Records a failed attempt of {@code slot} and, if it has attempts left, times its retry. */
  void attemptFailed(Run run, Run.Slot slot, String result) {
    RunStateMachine.attemptFailed(slot, result, configs.setup(run.space).config(), scheduler.now())
        .ifPresent(delay -> slot.retryTimer =
            scheduler.schedule(delay, () -> redial(run, slot, ContactState.WAITING_RETRY)));
  }

  /** Times a retry of {@code slot} (waiting for one) at {@code at}, at once if that is past. */
  void scheduleRetry(Run run, Run.Slot slot, Instant at) {
    Duration wait = Duration.between(scheduler.now(), at);
    slot.retryTimer =
        scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait,
            () -> redial(run, slot, ContactState.WAITING_RETRY));
  }

  void checkComplete(Run run) {
    if (RunStateMachine.isComplete(run)) {
      finish(run, BlastStatus.Phase.COMPLETED);
    }
  }

  /** Ends a run; it stays stored (as over) until its meeting ends, so it never restarts. */
  void finish(Run run, BlastStatus.Phase phase) {
    cancelTimers(run);
    for (Run.Slot slot : run.slots) {
      if (slot.callLegId != null) {
        legs.remove(slot.callLegId);
      }
    }
    RunStateMachine.stop(run, phase);
    String key = key(run.space.clusterId(), run.callId);
    active.remove(key);
    BlastStatus snapshot = run.snapshot();
    finished.put(key, snapshot);
    if (phase == BlastStatus.Phase.MEETING_ENDED) {
      forgetMeeting(run.space.clusterId(), run.callId);
    } else {
      store.saveRun(snapshot);
    }
    log.info("Blast dial for space {} call {} is over: {}", run.space.spaceId(), run.callId, phase);
  }

  /** Ends every run in progress that {@code which} selects, as {@code phase}. */
  void finishAll(Predicate<Run> which, BlastStatus.Phase phase) {
    for (Run run : new ArrayList<>(active.values())) {
      if (which.test(run)) {
        finish(run, phase);
      }
    }
  }

  /** The meeting {@code callId} ended: its run ends and is forgotten. */
  void meetingEnded(String clusterId, String callId) {
    Run run = active.get(key(clusterId, callId));
    if (run != null) {
      finish(run, BlastStatus.Phase.MEETING_ENDED);
    }
    forgetMeeting(clusterId, callId);
  }

  /** Forgets the meeting {@code callId}: a new call of its space may blast dial again. */
  void forgetMeeting(String clusterId, String callId) {
    meetingOfSpace.values().removeIf(m -> m.callId().equals(callId));
    store.deleteRun(clusterId, callId);
  }

  /** Applies a call leg event, or keeps it until the dial-out that made the leg returns. */
  void onLegEvent(LegEvent event) {
    LegRef ref = legs.get(event.legId());
    if (ref == null) {
      earlyEvents.put(event.legId(), event);
      return;
    }
    apply(event, ref.run(), ref.slot());
    persist(ref.run());
  }

  Optional<BlastStatus> findStatus(String clusterId, String callId) {
    String key = key(clusterId, callId);
    Run run = active.get(key);
    return run != null ? Optional.of(run.snapshot()) : Optional.ofNullable(finished.get(key));
  }

  List<BlastStatus> activeBlasts() {
    List<BlastStatus> result = new ArrayList<>();
    for (Run run : active.values()) {
      result.add(run.snapshot());
    }
    result.sort(Comparator.comparing(BlastStatus::startedAt));
    return result;
  }

  boolean isActive(Run run) {
    return active.get(key(run.space.clusterId(), run.callId)) == run;
  }

  void persist(Run run) {
    if (isActive(run)) {
      store.saveRun(run.snapshot());
    }
  }

  // ---------------------------------------------------------------- recovery's view (lock held)

  boolean isClosed() {
    return closed;
  }

  boolean hasGateway(String clusterId) {
    return gateways.containsKey(clusterId);
  }

  CallBridgeGateway gateway(String clusterId) {
    return gateways.get(clusterId);
  }

  /** Remembers {@code run}'s meeting so another call of its space does not blast dial again. */
  void rememberMeeting(Run run) {
    meetingOfSpace.put(run.space, new Meeting(run.callId, run.startedAt));
  }

  /** Takes over a stored run: over, it is only remembered; otherwise it is in progress. */
  void adopt(Run run, BlastStatus stored) {
    String key = key(run.space.clusterId(), run.callId);
    if (run.phase.isFinal()) {
      finished.put(key, stored);
      return;
    }
    active.put(key, run);
    for (Run.Slot slot : run.slots) {
      if (slot.state == ContactState.DIALING && slot.callLegId != null) {
        watchLeg(run, slot);
      }
    }
  }

  /** Routes events of {@code slot}'s call leg to it. */
  void watchLeg(Run run, Run.Slot slot) {
    legs.put(slot.callLegId, new LegRef(run, slot));
  }

  void unwatchLeg(String legId) {
    legs.remove(legId);
  }

  // ---------------------------------------------------------------- threads (lock not held)

  /** Runs {@code task} on the executor that runs bridge requests. */
  void execute(Runnable task) {
    executor.execute(task);
  }

  /** Starts queued dial-outs up to the cap. Call without the lock. */
  void drain() {
    queue.drain();
  }

  /**
   * Stops timers and queued dial-outs, waits up to {@link #CLOSE_WAIT} for the dial-outs already
   * sent to return and stores their results, then stops the threads this instance created.
   */
  void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      for (Run run : active.values()) {
        cancelTimers(run);
      }
      queue.clear();
      awaitRequests();
      released = true;
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  private void awaitRequests() {
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    try {
      while (requestsInFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.warn("Closed with {} dial-outs still unanswered after {}; their call legs are not "
              + "stored, and a new instance will find those contacts still dialing",
              requestsInFlight, CLOSE_WAIT);
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Ends a dial-out's bridge request (lock held).
   *
   * @return true if its result must be dropped, because {@link #close()} has already returned
   */
  private boolean requestDone(Run run) {
    run.inFlight--;
    if (--requestsInFlight == 0) {
      lock.notifyAll();
    }
    return released;
  }

  /** {@return the back-off after {@code streak} busy answers in a row: 1 s doubling to 30 s} */
  static Duration busyBackoff(int streak) {
    Duration delay = FIRST_BUSY_BACKOFF.multipliedBy(1L << Math.min(streak, 5));
    return delay.compareTo(MAX_BUSY_BACKOFF) > 0 ? MAX_BUSY_BACKOFF : delay;
  }

  private void dial(Run run, Run.Slot slot) {
    boolean prompt;
    synchronized (lock) {
      if (closed || !RunStateMachine.stillDialing(run, slot)) {
        run.inFlight--;
        return;
      }
      prompt = configs.setup(run.space).config().audioPrompt().promptFor(slot.contact);
      requestsInFlight++;
    }
    CallBridgeGateway gateway = gateways.get(run.space.clusterId());
    String legId;
    try {
      legId = gateway.dialOut(run.callId, slot.contact.address(), prompt);
    } catch (BridgeBusyException e) {
      synchronized (lock) {
        if (requestDone(run)) {
          return;
        }
        onBusy(run, slot);
        persist(run);
      }
      return;
    } catch (RuntimeException e) {
      log.warn("Dial-out to contact {} for call {} failed", slot.contact.id(), run.callId, e);
      synchronized (lock) {
        if (requestDone(run)) {
          return;
        }
        if (slot.state == ContactState.DIALING) {
          attemptFailed(run, slot, "dialOutFailed");
          checkComplete(run);
        }
        persist(run);
      }
      return;
    }
    synchronized (lock) {
      if (requestDone(run)) {
        return;
      }
      run.busyStreak = 0;
      slot.callLegId = legId;
      if (slot.state == ContactState.DIALING && isActive(run)) {
        watchLeg(run, slot);
        LegEvent early = earlyEvents.remove(legId);
        if (early != null) {
          apply(early, run, slot);
          persist(run);
          return;
        }
      }
      if (run.inFlight == 0 || closed) {
        persist(run);
      }
    }
  }

  private void onBusy(Run run, Run.Slot slot) {
    if (slot.state != ContactState.DIALING || !isActive(run)) {
      return;
    }
    RunStateMachine.bridgeBusy(slot);
    Duration delay = busyBackoff(run.busyStreak);
    run.busyStreak++;
    slot.retryTimer = scheduler.schedule(delay, () -> redial(run, slot, ContactState.PENDING));
  }

  private void redial(Run run, Run.Slot slot, ContactState expected) {
    synchronized (lock) {
      if (closed || run.phase != BlastStatus.Phase.DIALING || slot.state != expected
          || !isActive(run)) {
        return;
      }
      enqueueDial(run, slot);
      persist(run);
    }
    drain();
  }

  private void apply(LegEvent event, Run run, Run.Slot slot) {
    if (event.connected()) {
      if (!RunStateMachine.legConnected(slot, event.confirmationStatus())) {
        return;
      }
    } else {
      legs.remove(event.legId());
      RunStateMachine.LegEnd end = RunStateMachine.legEnded(
          slot, event.legId(), event.reason(), event.confirmationStatus());
      if (end == RunStateMachine.LegEnd.IGNORED) {
        return;
      }
      if (end == RunStateMachine.LegEnd.FAILED) {
        attemptFailed(run, slot, RunStateMachine.endResult(event.reason()));
      }
    }
    checkComplete(run);
  }

  private void cancelTimers(Run run) {
    if (run.pendingCheck != null) {
      run.pendingCheck.cancel();
      run.pendingCheck = null;
    }
    for (Run.Slot slot : run.slots) {
      if (slot.retryTimer != null) {
        slot.retryTimer.cancel();
        slot.retryTimer = null;
      }
    }
  }

  private static String key(String clusterId, String callId) {
    return clusterId + '\n' + callId;
  }

  private static <K, V> Map<K, V> lruMap(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "mm-blastdial-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private record LegRef(Run run, Run.Slot slot) {}

  private record Meeting(String callId, Instant startedAt) {}
}
