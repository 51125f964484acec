package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.api.FailureReason;
import io.mmsdk.cms.api.LdapSync;
import io.mmsdk.cms.api.LdapSyncState;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.common.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs LDAP syncs on a chosen Call Bridge, now or on a {@link SyncSchedule}, and reports how they
 * ended. A sync is started with {@code removeWhenFinished=false}, polled until it is complete or
 * failed, then its record is removed from CMS.
 *
 * <p>All waiting goes through the {@link Scheduler}; nothing blocks a thread. Thread-safe. Close it
 * to cancel the schedule and pending polls.
 */
public final class LdapSyncRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LdapSyncRunner.class);
  private static final int HISTORY = 100;
  /** Key prefix of the ERROR raised when an LDAP sync does not complete (+ Call Bridge name). */
  public static final String SYNC_FAILED_PREFIX = "provisioning.ldapsync.";

  private final Scheduler scheduler;
  private final CallBridgeDirectory callBridges;
  private final Duration pollInterval;
  private final Duration timeout;
  private final Notifications notifications;
  private final Deque<LdapSyncReport> history = new ArrayDeque<>();
  private SyncSchedule schedule;
  private Instant nextRun;
  private Scheduler.Cancellable scheduled;
  private boolean closed;

  private LdapSyncRunner(Builder b) {
    this.scheduler = b.scheduler;
    this.callBridges = b.callBridges;
    this.pollInterval = b.pollInterval;
    this.timeout = b.timeout;
    this.notifications = b.notifications != null ? b.notifications
        : Notifications.create(b.scheduler);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a sync of all LDAP sources on {@code callBridge} and returns a future that completes
   * with
   * its report (never exceptionally: failures are reports with outcome FAILED, ERROR or TIMED_OUT).
   *
   * @param callBridge the Call Bridge's name, as in the cluster registry
   * @return a future completed with the sync's report
   * @throws ProvisioningException if no Call Bridge has that name
   */
  public CompletableFuture<LdapSyncReport> runNow(String callBridge) {
    requireNonNull(callBridge, "callBridge == null");
    CmsGateway gateway = callBridges.find(callBridge).orElseThrow(() -> new ProvisioningException(
        "No Call Bridge named '" + callBridge + "'; pick one of the cluster's Call Bridges"));
    return start(callBridge, gateway, false);
  }

  /**
   * Replaces the schedule; the next run is at the first matching day and time after now.
   *
   * @param schedule the days and time of day to sync; not null
   */
  public synchronized void schedule(SyncSchedule schedule) {
    requireNonNull(schedule, "schedule == null");
    cancelSchedule();
    this.schedule = schedule;
    armNext();
  }

  /** Removes the schedule; a sync already running continues. */
  public synchronized void cancelSchedule() {
    if (scheduled != null) {
      scheduled.cancel();
      scheduled = null;
    }
    schedule = null;
    nextRun = null;
  }

  /** {@return when the next scheduled sync runs, if a schedule is set} */
  public synchronized Optional<Instant> findNextRun() {
    return Optional.ofNullable(nextRun);
  }

  /** {@return the reports of recent runs (up to 100), oldest first} */
  public synchronized List<LdapSyncReport> history() {
    return List.copyOf(history);
  }

  /** Returns the first instant after {@code after} that matches {@code schedule}. */
  static Instant next(SyncSchedule schedule, Instant after) {
    ZonedDateTime now = after.atZone(schedule.zone());
    for (int day = 0; day <= 7; day++) {
      ZonedDateTime candidate = now.toLocalDate().plusDays(day).atTime(schedule.timeOfDay())
          .atZone(schedule.zone());
      if (schedule.days().contains(candidate.getDayOfWeek()) && candidate.toInstant().isAfter(after)) {
        return candidate.toInstant();
      }
    }
    throw new ProvisioningException("Sync schedule has no days; name at least one day of the week");
  }

  private synchronized void armNext() {
    if (closed || schedule == null) {
      return;
    }
    Instant now = scheduler.now();
    nextRun = next(schedule, now);
    SyncSchedule current = schedule;
    scheduled = scheduler.schedule(Duration.between(now, nextRun), () -> runScheduled(current));
  }

  private void runScheduled(SyncSchedule s) {
    Optional<CmsGateway> gateway = callBridges.find(s.callBridge());
    if (gateway.isEmpty()) {
      Instant now = scheduler.now();
      log.warn("Scheduled LDAP sync skipped: Call Bridge '{}' is gone; edit the sync schedule to pick another",
          s.callBridge());
      record(new LdapSyncReport(s.callBridge(), null, true, LdapSyncReport.Outcome.SKIPPED, null, 0, 0,
          now, now, "Call Bridge '" + s.callBridge() + "' is gone; edit the sync schedule to pick another"));
    } else {
      start(s.callBridge(), gateway.get(), true);
    }
    synchronized (this) {
      if (schedule == s) {
        armNext();
      }
    }
  }

  private CompletableFuture<LdapSyncReport> start(String bridge, CmsGateway gateway, boolean fromSchedule) {
    CompletableFuture<LdapSyncReport> result = new CompletableFuture<>();
    Instant startedAt = scheduler.now();
    String id;
    try {
      id = gateway.startLdapSync();
    } catch (RuntimeException e) {
      finish(result, new LdapSyncReport(bridge, null, fromSchedule, LdapSyncReport.Outcome.ERROR, null, 0, 0,
          startedAt, scheduler.now(), "Could not start the LDAP sync on " + bridge + ": " + e.getMessage()));
      return result;
    }
    poll(result, bridge, gateway, id, fromSchedule, startedAt);
    return result;
  }

  private void poll(CompletableFuture<LdapSyncReport> result, String bridge, CmsGateway gateway, String id,
      boolean fromSchedule, Instant startedAt) {
    synchronized (this) {
      if (closed) {
        return;
      }
      scheduler.schedule(pollInterval, () -> {
        synchronized (this) {
          if (closed) {
            return;
          }
        }
        LdapSync status;
        try {
          status = gateway.ldapSync(id);
        } catch (RuntimeException e) {
          finish(result, new LdapSyncReport(bridge, id, fromSchedule, LdapSyncReport.Outcome.ERROR, null, 0, 0,
              startedAt, scheduler.now(), "Could not read LDAP sync " + id + " on " + bridge + ": " + e.getMessage()));
          return;
        }
        Instant now = scheduler.now();
        LdapSyncState state = status.state().orElse(LdapSyncState.UNKNOWN_TO_SDK_VERSION);
        int imported = status.numUsersImported().map(Long::intValue).orElse(0);
        int sourcesComplete = status.numLdapSourcesComplete().map(Long::intValue).orElse(0);
        if (state == LdapSyncState.COMPLETE || state == LdapSyncState.FAILED) {
          try {
            gateway.deleteLdapSync(id);
          } catch (RuntimeException e) {
            log.warn("Could not remove finished LDAP sync record {} on {}: {}", id, bridge, e.getMessage());
          }
          boolean ok = state == LdapSyncState.COMPLETE;
          String reason = status.failureReasonAsString().orElse(null);
          finish(result, new LdapSyncReport(bridge, id, fromSchedule,
              ok ? LdapSyncReport.Outcome.COMPLETE : LdapSyncReport.Outcome.FAILED, reason,
              imported, sourcesComplete, startedAt, now,
              ok ? "LDAP sync complete: " + imported + " users imported"
                  : "LDAP sync failed: " + reason
                      + (status.failureReason().orElse(null) == FailureReason.CLASH_OCCURRED
                          ? " (two users or spaces map to the same URI or call ID; run the preview to find them)"
                          : "")));
        } else if (Duration.between(startedAt, now).compareTo(timeout) >= 0) {
          finish(result, new LdapSyncReport(bridge, id, fromSchedule, LdapSyncReport.Outcome.TIMED_OUT, null,
              imported, sourcesComplete, startedAt, now,
              "LDAP sync " + id + " still " + status.stateAsString().orElse("in an unknown state")
                  + " after " + timeout + "; it may still finish on CMS"));
        } else {
          poll(result, bridge, gateway, id, fromSchedule, startedAt);
        }
      });
    }
  }

  private void finish(CompletableFuture<LdapSyncReport> result, LdapSyncReport report) {
    record(report);
    result.complete(report);
  }

  private void record(LdapSyncReport report) {
    synchronized (this) {
      history.addLast(report);
      while (history.size() > HISTORY) {
        history.removeFirst();
      }
    }
    // Seed 001 notifications: "LDAP sync failed", raised per Call Bridge and cleared by the next
    // sync there that completes. Outside this runner's lock: notification listeners may run.
    String key = SYNC_FAILED_PREFIX + report.callBridge();
    if (report.outcome() == LdapSyncReport.Outcome.COMPLETE) {
      notifications.clear(key);
    } else {
      notifications.raise(Severity.ERROR, "provisioning", key, "LDAP sync on Call Bridge '"
          + report.callBridge() + "' did not complete (" + report.outcome()
          + (report.failureReason() == null ? "" : ", " + report.failureReason()) + "): "
          + report.message() + ". Users and spaces may be out of date; fix the cause and sync"
          + " again.");
    }
  }

  /** Cancels the schedule; pending polls stop at their next turn. */
  @Override
  public synchronized void close() {
    closed = true;
    cancelSchedule();
  }

  /** Builds {@link LdapSyncRunner} instances. */
  public static final class Builder {
    private Scheduler scheduler = Scheduler.system();
    private CallBridgeDirectory callBridges;
    private Duration pollInterval = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofMinutes(30);
    private Notifications notifications;

    private Builder() {}

    /**
     * Sets where a sync that does not complete raises its ERROR notification ({@value
     * #SYNC_FAILED_PREFIX} + Call Bridge name; cleared by the next complete sync there). A private
     * instance unless set.
     *
     * @param notifications where the sync-failed notifications go; not null
     * @return this builder
     */
    public Builder notifications(Notifications notifications) {
      this.notifications = requireNonNull(notifications, "notifications == null");
      return this;
    }

    /**
     * Sets the scheduler; {@link Scheduler#system()} unless set.
     *
     * @param scheduler runs the scheduled syncs and the polls of a running sync; not null
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets how Call Bridges are found by name (required).
     *
     * @param callBridges how Call Bridges are found by name (required)
     * @return this builder
     */
    public Builder callBridges(CallBridgeDirectory callBridges) {
      this.callBridges = requireNonNull(callBridges, "callBridges == null");
      return this;
    }

    /**
     * Sets how often a running sync is polled; 5 seconds unless set.
     *
     * @param pollInterval how often a running sync is polled; 5 seconds unless set
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      requireNonNull(pollInterval, "pollInterval == null");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
      }
      this.pollInterval = pollInterval;
      return this;
    }

    /**
     * Sets how long to wait for a sync before reporting TIMED_OUT; 30 minutes unless set.
     *
     * @param timeout how long to wait for a sync before reporting TIMED_OUT; 30 minutes unless set
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** {@return the runner} */
    public LdapSyncRunner build() {
      if (callBridges == null) {
        throw new IllegalStateException("callBridges is required; call callBridges(...)");
      }
      return new LdapSyncRunner(this);
    }
  }
}
