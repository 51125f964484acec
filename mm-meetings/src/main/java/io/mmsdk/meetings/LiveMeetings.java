package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrListener;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.cms.api.Subtype;
import io.mmsdk.cms.events.CallInfoUpdate;
import io.mmsdk.cms.events.CallListUpdate;
import io.mmsdk.cms.events.CmsEventListener;
import io.mmsdk.cms.events.CmsEventsClient;
import io.mmsdk.cms.events.EventGap;
import io.mmsdk.cms.events.EventUpdate;
import io.mmsdk.cms.events.RosterUpdate;
import io.mmsdk.cms.events.Subscription;
import io.mmsdk.common.MmSdkException;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.meetings.Meeting.Mute;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the live view of every cluster whose "manage meetings" flag is on: it installs the CDR
 * receiver ({@link CdrReceiverInstaller}) and an Events client ({@code calls}, and {@code
 * callInfo} + {@code callRoster} for each call) on each of the cluster's Call Bridges, re-syncs
 * calls, call legs and participants over REST at start and after a gap on either source, and feeds
 * all three into a {@link MeetingTracker}. For a cluster with the flag off nothing is installed and
 * its meetings are not tracked; turning the flag off (or removing the cluster) uninstalls what was
 * installed and forgets the cluster's meetings.
 *
 * <p>Add it, not the tracker, as the {@link CdrListener} of the {@link io.mmsdk.cdr.CdrPipeline}:
 * it passes on the CDR events of managed clusters and re-syncs after CDR gaps and Call Bridge
 * restarts. Registry changes, installation and re-syncs run on the {@linkplain Builder#executor
 * executor}, never on the pipeline's or the events client's threads, so neither a Call Bridge's
 * CDR acknowledgement nor the events socket waits for REST.
 *
 * <p>Thread-safe. {@link #close()} closes the events clients and the REST clients it made; it
 * leaves the receivers installed (call {@link #uninstallAll()} first to remove them).
 */
public final class LiveMeetings implements CdrListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveMeetings.class);

  private final ClusterRegistry registry;
  private final MeetingTracker tracker;
  private final Function<Cluster, URI> receiverUri;
  private final Function<CallBridge, CmsClient> clients;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  // Guarded by this; changed only on the executor.
  private final Map<String, Map<String, BridgeSession>> installed = new HashMap<>();
  private final Set<String> resyncQueued = ConcurrentHashMap.newKeySet();
  private final AtomicLong resyncs = new AtomicLong();
  private volatile boolean closed;
  private volatile Registration registryListener = () -> { };

  private LiveMeetings(Builder b) {
    this.registry = b.registry;
    this.tracker = b.tracker;
    this.receiverUri = b.receiverUri;
    this.clients = b.clients != null ? b.clients : bridge -> b.registry.client(bridge.id());
    if (b.executor != null) {
      this.executor = b.executor;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mm-live-meetings");
        t.setDaemon(true);
        return t;
      });
      this.executor = ownedExecutor;
    }
    this.minBackoff = b.minBackoff;
    this.maxBackoff = b.maxBackoff;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts: the tracker from now on tracks only managed clusters, and the clusters of the registry
   * are installed (in the background, on the executor), now and after every registry change.
   * Calling it again has no effect.
   */
  public void start() {
    tracker.trackOnly(this::isManaged);
    registryListener = registry.addListener(clusters -> submit(this::reconcile));
    submit(this::reconcile);
  }

  /**
   * {@return whether cluster {@code clusterId} is registered with its "manage meetings" flag on}
   *
   * @param clusterId the cluster id
   */
  public boolean isManaged(String clusterId) {
    return registry.findCluster(clusterId).map(Cluster::manageMeetings).orElse(false);
  }

  /** {@return the ids of the registered Call Bridges that have an Events client now} */
  public synchronized Set<String> eventsClients() {
    Set<String> out = new HashSet<>();
    installed.values().forEach(bridges -> out.addAll(bridges.keySet()));
    return Set.copyOf(out);
  }

  /**
   * Passes CDR events of managed clusters to the tracker and asks for a re-sync after gaps and
   * Call Bridge restarts (not for events replayed from the journal). Quick: never does I/O.
   *
   * @param event the pipeline's event
   */
  @Override
  public void onEvent(CdrEvent event) {
    onEvents(List.of(event));
  }

  /**
   * Passes the CDR events of one pipeline delivery of managed clusters to the tracker at once
   * ({@link MeetingTracker#onEvents}), then asks for a re-sync after gaps and Call Bridge restarts
   * (not for events replayed from the journal). Quick: never does I/O.
   *
   * @param events the pipeline's events, in order
   */
  @Override
  public void onEvents(List<CdrEvent> events) {
    List<CdrEvent> managed = new ArrayList<>(events.size());
    for (CdrEvent event : events) {
      if (isManaged(event.origin().clusterId())) {
        managed.add(event);
      }
    }
    if (managed.isEmpty()) {
      return;
    }
    tracker.onEvents(managed);
    for (CdrEvent event : managed) {
      if (!event.replayed() && (event instanceof CdrEvent.RecordsMissing
          || event instanceof CdrEvent.CallBridgeRestarted)) {
        requestResync(event.origin().clusterId());
      }
    }
  }

  /**
   * Asks for a REST re-sync of cluster {@code clusterId} on the executor; requests made while one
   * waits are served by it.
   *
   * @param clusterId the cluster
   */
  public void requestResync(String clusterId) {
    requireNonNull(clusterId, "clusterId == null");
    if (resyncQueued.add(clusterId)) {
      submit(() -> {
        resyncQueued.remove(clusterId);
        resync(clusterId);
      });
    }
  }

  /**
   * Removes the receivers and events clients of every cluster (for example when the application
   * is uninstalled). Runs on the calling thread.
   */
  public void uninstallAll() {
    List<String> ids;
    synchronized (this) {
      ids = new ArrayList<>(installed.keySet());
    }
    ids.forEach(this::teardown);
  }

  /** Stops listening to the registry; closes the events and REST clients this made, its thread. */
  @Override
  public void close() {
    closed = true;
    registryListener.close();
    List<BridgeSession> all = new ArrayList<>();
    synchronized (this) {
      installed.values().forEach(bridges -> all.addAll(bridges.values()));
      installed.clear();
    }
    all.forEach(BridgeSession::close);
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  private void submit(Runnable task) {
    if (closed) {
      return;
    }
    executor.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("Live meetings: a background task failed; the next change or gap retries", e);
      }
    });
  }

  /** Makes what is installed match the registry's clusters and flags. */
  private void reconcile() {
    Set<String> wanted = new HashSet<>();
    for (Cluster c : registry.clusters()) {
      if (c.manageMeetings()) {
        wanted.add(c.id());
        install(c);
      }
    }
    List<String> stale;
    synchronized (this) {
      stale = installed.keySet().stream().filter(id -> !wanted.contains(id)).toList();
    }
    stale.forEach(this::teardown);
  }

  private void install(Cluster cluster) {
    Map<String, BridgeSession> bridges;
    synchronized (this) {
      bridges = installed.computeIfAbsent(cluster.id(), k -> new LinkedHashMap<>());
    }
    boolean added = false;
    Set<String> current = new HashSet<>();
    for (CallBridge bridge : cluster.callBridges()) {
      current.add(bridge.id());
      synchronized (this) {
        if (bridges.containsKey(bridge.id())) {
          continue;
        }
      }
      BridgeSession session = new BridgeSession(cluster, bridge, clients.apply(bridge));
      synchronized (this) {
        bridges.put(bridge.id(), session);
      }
      session.start();
      added = true;
    }
    List<BridgeSession> removed = new ArrayList<>();
    synchronized (this) {
      bridges.entrySet().removeIf(e -> {
        if (!current.contains(e.getKey())) {
          removed.add(e.getValue());
          return true;
        }
        return false;
      });
    }
    removed.forEach(BridgeSession::uninstall);
    if (added || !removed.isEmpty()) {
      requestResync(cluster.id());
    }
  }

  private void teardown(String clusterId) {
    Map<String, BridgeSession> bridges;
    synchronized (this) {
      bridges = installed.remove(clusterId);
    }
    if (bridges != null) {
      bridges.values().forEach(BridgeSession::uninstall);
    }
    tracker.forgetCluster(clusterId);
  }

  private void resync(String clusterId) {
    List<BridgeSession> bridges;
    synchronized (this) {
      Map<String, BridgeSession> m = installed.get(clusterId);
      bridges = m == null ? List.of() : new ArrayList<>(m.values());
    }
    if (bridges.isEmpty() || !isManaged(clusterId)) {
      return;
    }
    List<RestSnapshot.Call> calls = new ArrayList<>();
    Set<String> answered = new HashSet<>();
    for (BridgeSession b : bridges) {
      try {
        calls.addAll(b.readCalls());
        answered.add(b.bridge.id());
      } catch (MmSdkException e) {
        // Its calls are neither added nor ended (what it did not list is unknown); the next gap
        // or reconnect of its events socket re-syncs again.
        log.warn("Live meetings: re-sync of cluster {}: Call Bridge {} did not answer ({}); its "
            + "calls are left as they are", clusterId, b.bridge.name(), e.getMessage());
      }
    }
    if (answered.isEmpty()) {
      return;
    }
    tracker.resync(clusterId, calls, answered, answered.size() == bridges.size());
    resyncs.incrementAndGet();
  }

  /** {@return how many REST re-syncs completed (for tests)} */
  long resyncs() {
    return resyncs.get();
  }

  /** One registered Call Bridge of a managed cluster: its REST client, receiver and events. */
  private final class BridgeSession implements CmsEventListener {
    final Cluster cluster;
    final CallBridge bridge;
    final CmsClient client;
    final CmsEventsClient events;
    // Touched on the events thread only (and at start, before it runs).
    private final Map<Integer, String> callByIndex = new HashMap<>();
    private final Map<String, Integer> indexByCall = new HashMap<>();
    private int nextIndex = 1;

    BridgeSession(Cluster cluster, CallBridge bridge, CmsClient client) {
      this.cluster = cluster;
      this.bridge = bridge;
      this.client = client;
      this.events = CmsEventsClient.builder(client)
          .subscriptions(List.of(Subscription.calls(0, Subscription.CALL_ELEMENTS)))
          .reconnectBackoff(minBackoff, maxBackoff)
          .listener(this)
          .build();
    }

    void start() {
      if (receiverUri != null) {
        try {
          CdrReceiverInstaller.create(receiverUri.apply(cluster)).install(client);
        } catch (MmSdkException e) {
          log.warn("Live meetings: could not install the CDR receiver on {} ({}); the view "
              + "relies on events and re-syncs there", bridge.name(), e.getMessage());
        }
      }
      events.start();
    }

    void uninstall() {
      events.close();
      if (receiverUri != null) {
        try {
          CdrReceiverInstaller.create(receiverUri.apply(cluster)).uninstall(client);
        } catch (MmSdkException e) {
          log.warn("Live meetings: could not remove the CDR receiver from {} ({}); remove it "
              + "from /system/cdrReceivers by hand", bridge.name(), e.getMessage());
        }
      }
      client.close();
    }

    void close() {
      events.close();
      client.close();
    }

    List<RestSnapshot.Call> readCalls() {
      CmsApi api = client.api();
      List<RestSnapshot.Call> out = new ArrayList<>();
      for (io.mmsdk.cms.api.Call summary : api.calls().list()) {
        io.mmsdk.cms.api.Call c = api.calls().find(summary.id()).orElse(null);
        if (c == null) {
          continue; // ended between the list and the read
        }
        List<RestSnapshot.Leg> legs = new ArrayList<>();
        for (CallLeg legSummary : api.callCallLegs(c.id()).list()) {
          CallLeg l = api.callLegs().find(legSummary.id()).orElse(null);
          if (l != null) {
            legs.add(leg(l));
          }
        }
        out.add(new RestSnapshot.Call(bridge.id(), c.id(), c.name().orElse(null),
            c.coSpace().orElse(null), c.callCorrelator().orElse(null),
            c.callTypeAsString().orElse(null), c.tenant().orElse(null),
            c.ownerName().orElse(null), c.locked().orElse(null), c.recording().orElse(null),
            c.streaming().orElse(null), c.durationSeconds().orElse(null), legs));
      }
      return out;
    }

    private RestSnapshot.Leg leg(CallLeg l) {
      Mute mute = null;
      if (l.configurationRxAudioMute().isPresent() || l.configurationTxAudioMute().isPresent()
          || l.configurationRxVideoMute().isPresent() || l.configurationTxVideoMute().isPresent()) {
        mute = Mute.of(isTrue(l.configurationRxAudioMute().orElse(null)),
            isTrue(l.configurationTxAudioMute().orElse(null)),
            isTrue(l.configurationRxVideoMute().orElse(null)),
            isTrue(l.configurationTxVideoMute().orElse(null)));
      }
      boolean link = l.subtype().map(s -> s == Subtype.DISTRIBUTION_LINK
          || s == Subtype.LYNC_DISTRIBUTION).orElse(false);
      return new RestSnapshot.Leg(l.id(), l.statusGroupId().orElse(null), l.name().orElse(null),
          l.remoteParty().orElse(null), l.directionAsString().orElse(null), link,
          l.statusStateAsString().orElse(null), l.statusDeactivated().orElse(null),
          l.statusDurationSeconds().orElse(null), mute, l.statusLayoutAsString().orElse(null),
          List.of());
    }

    private static boolean isTrue(String text) {
      return "true".equals(text);
    }

    @Override
    public synchronized void onCallListUpdate(CallListUpdate update) {
      boolean changed = false;
      for (EventUpdate u : update.updates()) {
        if (u.isRemove()) {
          Integer index = indexByCall.remove(u.id());
          if (index != null) {
            callByIndex.remove(index);
            callByIndex.remove(index + 1);
            changed = true;
          }
          continue;
        }
        tracker.onCallInfo(cluster.id(), bridge.id(), u.id(), u.fields());
        if (!indexByCall.containsKey(u.id())) {
          int index = nextIndex;
          nextIndex += 2;
          indexByCall.put(u.id(), index);
          callByIndex.put(index, u.id());
          callByIndex.put(index + 1, u.id());
          changed = true;
        }
      }
      if (changed) {
        events.subscribe(subscriptions());
      }
    }

    private List<Subscription> subscriptions() {
      List<Subscription> subs = new ArrayList<>();
      subs.add(Subscription.calls(0, Subscription.CALL_ELEMENTS));
      indexByCall.forEach((call, index) -> {
        subs.add(Subscription.callInfo(index, call, Subscription.CALL_ELEMENTS));
        subs.add(Subscription.callRoster(index + 1, call, Subscription.ROSTER_ELEMENTS));
      });
      return subs;
    }

    @Override
    public synchronized void onCallInfoUpdate(CallInfoUpdate update) {
      String call = callByIndex.get(update.subscriptionIndex());
      if (call != null) {
        tracker.onCallInfo(cluster.id(), bridge.id(), call, update.fields());
      }
    }

    @Override
    public synchronized void onRosterUpdate(RosterUpdate update) {
      String call = callByIndex.get(update.subscriptionIndex());
      if (call != null) {
        for (EventUpdate u : update.updates()) {
          tracker.onRosterUpdate(cluster.id(), call, u);
        }
      }
    }

    @Override
    public void onGap(EventGap gap) {
      tracker.reportGap(new SourceGap(SourceGap.Source.EVENTS, cluster.id(), bridge.id(),
          gap.since(), gap.reason()));
    }

    @Override
    public synchronized void onReconnected() {
      // Calls may have ended meanwhile: start from the calls subscription, whose first update
      // lists every running call again, and repair what was missed over REST.
      indexByCall.clear();
      callByIndex.clear();
      events.subscribe(subscriptions());
      requestResync(cluster.id());
    }

    @Override
    public void onError(MmSdkException error) {
      log.debug("Live meetings: events on {}: {}", bridge.name(), error.getMessage());
    }
  }

  /** Builds {@link LiveMeetings}. */
  public static final class Builder {
    private ClusterRegistry registry;
    private MeetingTracker tracker;
    private Function<Cluster, URI> receiverUri;
    private Function<CallBridge, CmsClient> clients;
    private Executor executor;
    private Duration minBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Sets the registry whose clusters and "manage meetings" flags decide what is installed
     * (required).
     *
     * @param registry the cluster registry
     * @return this builder
     */
    public Builder registry(ClusterRegistry registry) {
      this.registry = requireNonNull(registry, "registry == null");
      return this;
    }

    /**
     * Sets the tracker that holds the view (required).
     *
     * @param tracker the tracker
     * @return this builder
     */
    public Builder tracker(MeetingTracker tracker) {
      this.tracker = requireNonNull(tracker, "tracker == null");
      return this;
    }

    /**
     * Sets the CDR receiver URI to install on each managed cluster's Call Bridges, with its
     * {@code cluster} tag and token (default none: CDR receivers are installed by you).
     *
     * @param receiverUri the receiver URI of a cluster
     * @return this builder
     */
    public Builder receiverUri(Function<Cluster, URI> receiverUri) {
      this.receiverUri = requireNonNull(receiverUri, "receiverUri == null");
      return this;
    }

    /**
     * Sets how a REST client of a Call Bridge is made (default {@link ClusterRegistry#client}).
     * The clients made are closed when their bridge is uninstalled or on {@link #close()}.
     *
     * @param clients makes a client for a registered Call Bridge
     * @return this builder
     */
    public Builder clients(Function<CallBridge, CmsClient> clients) {
      this.clients = requireNonNull(clients, "clients == null");
      return this;
    }

    /**
     * Sets the executor for registry changes, installation and REST re-syncs (default one daemon
     * thread of its own, stopped by {@link LiveMeetings#close()}).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Sets the events clients' reconnect backoff (defaults 1 s and 60 s).
     *
     * @param min the first wait
     * @param max the longest wait
     * @return this builder
     */
    public Builder eventsReconnectBackoff(Duration min, Duration max) {
      this.minBackoff = requireNonNull(min, "min == null");
      this.maxBackoff = requireNonNull(max, "max == null");
      return this;
    }

    /**
     * Returns the live view, not started; call {@link LiveMeetings#start()}.
     *
     * @return the live view
     * @throws IllegalStateException if the registry or the tracker is missing
     */
    public LiveMeetings build() {
      if (registry == null || tracker == null) {
        throw new IllegalStateException("registry and tracker are required; call registry(...) "
            + "and tracker(...)");
      }
      return new LiveMeetings(this);
    }
  }
}
