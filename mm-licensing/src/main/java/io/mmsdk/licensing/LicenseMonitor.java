package io.mmsdk.licensing;

import io.mmsdk.common.time.Scheduler;
import io.mmsdk.core.audit.AuditHook;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.notify.Notifications;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Collects license usage from every registered cluster, keeps it in a {@link UsageStore}, and
 * computes compliance, trials and enforcement over the {@link Scheduler}'s clock. Thread-safe;
 * close it to stop the periodic collection (the stores are the caller's to close).
 *
 * <p>Each round, for each cluster, the bridges are tried in registry order: a reachable bridge
 * lists its {@code knownHosts} and the usage of each host not yet read this round is fetched from
 * the newest stored sample (or, on first contact, from {@code backfill} ago) up to now. A bridge
 * that
 * fails raises a notification and the round goes on with the next bridge: the ERROR {@value
 * #CREDENTIALS_PREFIX}{@code <bridgeId>} when it refuses the credentials, the ERROR {@value
 * #UNREACHABLE_PREFIX}{@code <bridgeId>} when it cannot be reached, otherwise the WARNING {@code
 * licensing.unreachable.<bridgeId>}; each clears when the bridge answers again. Enforcement
 * changes raise {@code licensing.enforcement.<clusterId>.<FEATURE>} notifications.
 *
 * <p>This class is the facade: {@link UsageCollector} runs the rounds, {@link EnforcementClocks}
 * evaluates compliance and enforcement, {@link LicensingAlerts} raises the notifications, {@link
 * TrialOffers} applies the trial rules, {@link UsageWindows} reads the stored usage for reports
 * and {@link DailyUsageReports} sends the daily report; the monitor keeps the licensing state, its
 * lock, the schedule and the audit.
 */
public final class LicenseMonitor implements AutoCloseable {
  /** The source of every notification the monitor raises. */
  static final String SOURCE = "licensing";
  /**
   * Key prefix of the ERROR raised when a Call Bridge refuses the API credentials (+ bridge id).
   */
  public static final String CREDENTIALS_PREFIX = "callbridge.credentials.";
  /** Key prefix of the ERROR raised when a Call Bridge cannot be reached (+ bridge id). */
  public static final String UNREACHABLE_PREFIX = "callbridge.unreachable.";

  private final Scheduler scheduler;
  private final LicenseStateStore stateStore;
  private final Duration pollInterval;
  private final CollectorElection election;
  private final UsageCollector collection;
  private final EnforcementClocks enforcement;
  private final UsageWindows windows;
  private final TrialOffers trials;
  private final DailyUsageReports dailyReports;
  private final SmartRegistration smart;
  private final AuditHook audit;
  private final String actor;
  private volatile boolean collector;
  private final Object collectLock = new Object();
  private LicenseState state;
  private Scheduler.Cancellable task;
  private Scheduler.Cancellable reportTask;

  private LicenseMonitor(Builder b) {
    this.scheduler = b.scheduler;
    this.stateStore = b.stateStore;
    this.pollInterval = b.pollInterval;
    this.election = b.election;
    LicensingAlerts alerts = new LicensingAlerts(b.notifications);
    this.collection = new UsageCollector(b.registry, b.sources, b.usageStore, alerts, b.backfill,
        b.retention);
    this.enforcement = new EnforcementClocks(b.registry, b.policy, alerts);
    this.windows = new UsageWindows(b.usageStore);
    this.trials = new TrialOffers(b.registry);
    this.smart = b.smart;
    this.dailyReports = smart == null ? null : new DailyUsageReports(scheduler, smart, election,
        this::inSmartMode, this::usageReport);
    this.audit = b.audit;
    this.actor = b.actor;
    this.state = stateStore.load();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts collecting now and every poll interval (default 5 minutes). Idempotent.
   *
   * @return this monitor
   */
  public synchronized LicenseMonitor start() {
    if (task == null) {
      task = scheduler.scheduleRepeating(Duration.ZERO, pollInterval, this::collectNow);
      if (dailyReports != null) {
        reportTask = dailyReports.start();
      }
    }
    return this;
  }

  /** Stops periodic collection. Idempotent. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel();
      task = null;
    }
    if (reportTask != null) {
      reportTask.cancel();
      reportTask = null;
    }
    if (collector) {
      collector = false;
      election.resign();
    }
  }

  /**
   * {@return whether this monitor led the last round (collected and reports usage); false while it
   * stands by for another monitor sharing the usage store, see {@link Builder#election}}
   */
  public boolean isCollector() {
    return collector;
  }

  /**
   * Runs one collection round now, then prunes samples older than the retention and refreshes
   * enforcement. In {@link LicensingMode#NO_LICENSING} nothing is collected. Rounds never overlap;
   * {@link #status()} does not wait for a round's network calls.
   *
   * @return what the round read, stored and could not reach
   */
  public CollectionResult collectNow() {
    synchronized (collectLock) {
      return collectRound();
    }
  }

  // Network I/O happens outside the monitor lock, so status() never waits for a slow bridge;
  // collectLock only keeps two rounds from overlapping.
  private CollectionResult collectRound() {
    Instant now = scheduler.now();
    synchronized (this) {
      if (state.mode() == LicensingMode.NO_LICENSING) {
        return new CollectionResult(now, 0, List.of(), List.of());
      }
    }
    collector = election.tryLead(now);
    if (!collector) {
      // Standing by: another monitor collects into the shared store; status comes from it.
      synchronized (this) {
        refresh(now);
      }
      return new CollectionResult(now, 0, List.of(), List.of());
    }
    CollectionResult result = collection.collect(now);
    synchronized (this) {
      refresh(now);
    }
    return result;
  }

  /** {@return the license status now, updating the enforcement clocks it depends on} */
  public synchronized LicenseStatus status() {
    return refresh(scheduler.now());
  }

  private LicenseStatus refresh(Instant now) {
    if (state.mode() == LicensingMode.NO_LICENSING) {
      return new LicenseStatus(now, state.mode(), Map.of(), Map.of());
    }
    EnforcementClocks.Evaluation e =
        enforcement.evaluate(state, windows.compliancePeaks(now), now);
    if (!e.since().equals(state.enforcementSince())) {
      update(state.withEnforcementSince(e.since()));
    }
    return e.status();
  }

  /**
   * {@return each Call Bridge's multiparty license use as read in the last round that reached it,
   * by bridge id}
   */
  public synchronized Map<String, MultipartyUsage> multipartyUsage() {
    return collection.multipartyUsage();
  }

  /**
   * {@return the SMP Plus licenses {@code clusterId} needs right now: the sum of {@code
   * weightedCallsWithoutPersonalLicense} over its bridges as last read}
   *
   * @param clusterId the cluster's id, as in the cluster registry
   */
  public synchronized double currentSharedLicenseDemand(String clusterId) {
    Objects.requireNonNull(clusterId, "clusterId == null");
    return collection.sharedLicenseDemand(clusterId);
  }

  /** {@return the persisted licensing state (mode, allocations, trials, enforcement clocks)} */
  public synchronized LicenseState state() {
    return state;
  }

  private synchronized boolean inSmartMode() {
    return state.mode() == LicensingMode.SMART;
  }

  /**
   * Sets the licensing mode and saves it. Seed 21.6: "If you change the licensing mode, then
   * Meeting Management will automatically disable Smart Licensing and deregister from the Cisco
   * Smart Software Manager": leaving {@link LicensingMode#SMART} deregisters the {@linkplain
   * Builder#smartLicensing configured} Smart Licensing instance unless it is unregistered already.
   * The stage completes when that deregistration is done (at once if none is needed) and fails as
   * {@link SmartRegistration#deregister()} does; the new mode is saved either way.
   *
   * @param mode the new licensing mode; not null
   * @return a stage completed once the mode is saved and any needed deregistration is done
   */
  public CompletionStage<Void> setMode(LicensingMode mode) {
    Objects.requireNonNull(mode, "mode == null");
    LicensingMode before;
    synchronized (this) {
      before = state.mode();
      update(state.withMode(mode));
    }
    audit.changed(actor, "licensing.mode", "licensing", AuditHook.Outcome.SUCCEEDED,
        before + " -> " + mode);
    // Outside the monitor lock: deregistering calls the host's transport.
    if (before == LicensingMode.SMART && mode != LicensingMode.SMART && smart != null
        && smart.isRegistered()) {
      return smart.deregister().thenApply(s -> null);
    }
    return CompletableFuture.completedFuture(null);
  }

  /**
   * {@return the usage report of the UTC {@code date}: each license type's smoothed daily peak and
   * the number of Call Bridges without a traditional activation key as last read ("Active Call
   * Bridge Node", seed 21.6)}
   *
   * @param date the UTC day to report
   */
  public UsageReport usageReport(LocalDate date) {
    Objects.requireNonNull(date, "date == null");
    return new UsageReport(date, windows.dayPeaks(date), collection.bridgesWithoutActivation());
  }

  /**
   * Sets the allocations and saves them; the status reflects them at once. Audited.
   *
   * @param allocations the licenses entered per type; not null
   */
  public void setAllocations(Allocations allocations) {
    Objects.requireNonNull(allocations, "allocations == null");
    Allocations before;
    synchronized (this) {
      before = state.allocations();
      update(state.withAllocations(allocations));
    }
    audit.changed(actor, "licensing.allocations", "licenses", AuditHook.Outcome.SUCCEEDED,
        before + " -> " + allocations);
  }

  /**
   * Records that {@code clusterIds} were connected to some deployment during an earlier trial of
   * {@code type} (e.g. a cluster moved in from another deployment), so that trial is not offered.
   *
   * @param type the trial type
   * @param clusterIds the clusters to record; not null
   */
  public synchronized void addClustersInEarlierTrial(Feature type, Set<String> clusterIds) {
    update(TrialOffers.withClustersInEarlierTrial(state, type, clusterIds));
  }

  /**
   * {@return whether a trial of {@code type} can be started now} A licensed deployment whose
   * meetings are at high enforcement on some cluster is offered the Meetings trial once (seed
   * 21.6.3.4).
   *
   * @param type the trial type
   */
  public synchronized TrialAvailability trialAvailability(Feature type) {
    Instant now = scheduler.now();
    LicenseStatus status = refresh(now);
    return trials.availability(state, type, status, now);
  }

  /**
   * Starts a trial of {@code type} now for all connected clusters and saves it.
   *
   * @param type the trial type
   * @return the started trial, with its start and end times and the clusters it covers
   * @throws TrialNotAvailableException if the trial is not offered
   */
  public TrialRecord startTrial(Feature type) {
    TrialRecord t;
    try {
      synchronized (this) {
        Instant now = scheduler.now();
        LicenseStatus status = refresh(now);
        TrialOffers.Started started = trials.start(state, type, status, now);
        update(started.state());
        t = started.trial();
      }
    } catch (TrialNotAvailableException e) {
      audit.changed(actor, "licensing.trial", String.valueOf(type), AuditHook.Outcome.REFUSED,
          "trial not offered: " + e.reason());
      throw e;
    }
    audit.changed(actor, "licensing.trial", type.name(), AuditHook.Outcome.SUCCEEDED,
        "90-day trial started for clusters " + t.clusterIds());
    return t;
  }

  /**
   * Writes {@code license-data.zip} for the last 90 days (plus today) to {@code out}, not closing
   * it.
   *
   * @param out where the zip is written; left open
   */
  public void writeLicenseData(OutputStream out) {
    windows.writeLicenseData(out, scheduler.now());
  }

  /**
   * {@return the utilization series of {@code type} for the UTC dates {@code from..to}}
   *
   * @param type the license type
   * @param from the first UTC date
   * @param to the last UTC date, inclusive; not before {@code from}
   */
  public UtilizationSeries utilization(AllocationType type, LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    return windows.utilization(type, from, to);
  }

  /**
   * {@return the SVG chart of {@link #utilization} with the allocation line}
   *
   * @param type the license type
   * @param from the first UTC date
   * @param to the last UTC date, inclusive; not before {@code from}
   */
  public String utilizationChart(AllocationType type, LocalDate from, LocalDate to) {
    Allocations a;
    synchronized (this) {
      a = state.allocations();
    }
    return UtilizationChart.svg(utilization(type, from, to), a);
  }

  private void update(LicenseState next) {
    stateStore.save(next);
    state = next;
  }

  /** Builds a {@link LicenseMonitor}. Not thread-safe. */
  public static final class Builder {
    private Scheduler scheduler = Scheduler.system();
    private ClusterRegistry registry;
    private Function<CallBridge, UsageSource> sources;
    private UsageStore usageStore;
    private LicenseStateStore stateStore;
    private Notifications notifications;
    private EnforcementPolicy policy = EnforcementPolicy.defaults();
    private Duration pollInterval = Duration.ofMinutes(5);
    private Duration backfill = Duration.ofDays(90);
    private Duration retention = Duration.ofDays(100);
    private CollectorElection election = CollectorElection.alone();
    private SmartRegistration smart;
    private AuditHook audit = AuditHook.none();
    private String actor = "system";

    private Builder() {}

    /**
     * Reports allocation, trial and mode changes to {@code audit} as done by {@code actor} (e.g.
     * the
     * signed-in administrator); nothing is audited unless set.
     *
     * @param audit where audit entries go; not null
     * @param actor who the entries name as having made the change; not null
     * @return this builder
     */
    public Builder audit(AuditHook audit, String actor) {
      this.audit = Objects.requireNonNull(audit, "audit == null");
      this.actor = Objects.requireNonNull(actor, "actor == null");
      return this;
    }

    /**
     * Sets the Smart Licensing registration of this deployment (optional), usually an {@link
     * io.mmsdk.licensing.smart.SmartLicensing}: {@link #start()} then sends it the daily usage
     * report at 00:00 UTC, and leaving SMART mode deregisters it.
     *
     * @param smart the Smart Licensing registration; not null
     * @return this builder
     */
    public Builder smartLicensing(SmartRegistration smart) {
      this.smart = Objects.requireNonNull(smart, "smart == null");
      return this;
    }

    /**
     * Sets the scheduler (default {@link Scheduler#system()}).
     *
     * @param scheduler runs the polls and the daily report; not null
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets the cluster registry whose clusters are collected. Required.
     *
     * @param registry the cluster registry whose clusters are collected
     * @return this builder
     */
    public Builder registry(ClusterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry == null");
      return this;
    }

    /**
     * Sets how to read a Call Bridge, e.g. {@code b -> CmsUsageSource.create(clientFor(b))}; called
     * once per bridge per round. Required.
     *
     * @param sources how to read a Call Bridge, e.g
     * @return this builder
     */
    public Builder usageSources(Function<CallBridge, UsageSource> sources) {
      this.sources = Objects.requireNonNull(sources, "sources == null");
      return this;
    }

    /**
     * Sets where samples are kept. Required (e.g. {@link UsageStore#file}).
     *
     * @param store where samples are kept
     * @return this builder
     */
    public Builder usageStore(UsageStore store) {
      this.usageStore = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Sets where the licensing state is kept. Required (e.g. {@link LicenseStateStore#file}).
     *
     * @param store where the licensing state is kept
     * @return this builder
     */
    public Builder stateStore(LicenseStateStore store) {
      this.stateStore = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Sets where notifications are raised (default: a private instance on the scheduler).
     *
     * @param notifications where notifications are raised (default: a private instance on the
     *     scheduler)
     * @return this builder
     */
    public Builder notifications(Notifications notifications) {
      this.notifications = Objects.requireNonNull(notifications, "notifications == null");
      return this;
    }

    /**
     * Sets the enforcement timings (default {@link EnforcementPolicy#defaults()}).
     *
     * @param policy the enforcement timings (default {@link EnforcementPolicy#defaults()})
     * @return this builder
     */
    public Builder enforcementPolicy(EnforcementPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy == null");
      return this;
    }

    /**
     * Sets the collection period (default 5 minutes, the CMS snapshot period).
     *
     * @param interval the collection period (default 5 minutes, the CMS snapshot period)
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive(interval, "pollInterval");
      return this;
    }

    /**
     * Sets how monitors sharing one usage store elect the one that collects and reports (default
     * {@link CollectorElection#alone()}: this is the only instance). A monitor that loses stands by:
     * its rounds collect nothing, and it takes over when the collector's lead lapses or it closes.
     * Collection resumes from the newest stored sample, so a takeover loses no usage.
     *
     * @param election the election, e.g. mm-jdbc's {@code JdbcStores.lease(...)}
     * @return this builder
     */
    public Builder election(CollectorElection election) {
      this.election = Objects.requireNonNull(election, "election == null");
      return this;
    }

    /**
     * Sets how far back the first contact with a host reads (default 90 days).
     *
     * @param backfill how far back the first contact with a host reads (default 90 days)
     * @return this builder
     */
    public Builder backfill(Duration backfill) {
      this.backfill = positive(backfill, "backfill");
      return this;
    }

    /**
     * Sets how long samples are kept (default 100 days; at least 91 days).
     *
     * @param retention how long samples are kept (default 100 days; at least 91 days)
     * @return this builder
     */
    public Builder retention(Duration retention) {
      positive(retention, "retention");
      if (retention.compareTo(Duration.ofDays(91)) < 0) {
        throw new IllegalArgumentException(
            "retention must be at least 91 days to cover the 90-day window; got " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * {@return the monitor; loads the saved state}
     *
     * @throws IllegalStateException if a required part is missing
     */
    public LicenseMonitor build() {
      if (registry == null || sources == null || usageStore == null || stateStore == null) {
        throw new IllegalStateException(
            "registry, usageSources, usageStore and stateStore are required; set all four");
      }
      if (notifications == null) {
        notifications = Notifications.create(scheduler);
      }
      return new LicenseMonitor(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive; got " + d);
      }
      return d;
    }
  }
}
