package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.time.Scheduler;
import io.mmsdk.core.audit.AuditHook;
import io.mmsdk.core.backup.BackupSection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Blast dial for one Meeting Management instance: space configuration and contacts, the trigger on
 * the first participant joining, simultaneous dial-out to every other contact, the press-1 / {@code
 * *} outcomes, re-dialing after failures, and the Primary / Secondary / Off monitoring role.
 *
 * <p>The host application feeds it what happens on the bridges: {@link #participantJoined} (from
 * the Events client's roster or from polling), {@link #callLegConnected} and {@link
 * #callLegEnded} (from CDR {@code callLegUpdate} / {@code callLegEnd} records or the roster), and
 * {@link #meetingEnded}. Dial-outs go through each cluster's {@link CallBridgeGateway}, at most
 * {@link Builder#maxConcurrentRequests(int)} at a time, backing off when a bridge answers 503.
 *
 * <p>Configuration, contacts, the monitoring role and the state of every blast dial in progress
 * are kept in a {@link BlastDialStore}; a new instance built on the same store resumes blast dials
 * in progress without dialing anyone twice for the same meeting.
 *
 * <p>Thread-safe. {@link #close()} stops timers and the threads this instance created.
 */
// Inside: SpaceConfigs (monitoring, spaces and contacts over the store), DialDispatcher (runs in
// progress, the dial-out cap and busy back-off, retry timers, leg events), RunStateMachine (the
// pure transitions of a run) and Recovery (the Secondary's check and resuming stored runs).
//
// Lock discipline: one lock, the private field `lock`, guards all mutable state of all four; the
// dispatcher and recovery are handed the same object and take it themselves only on their own
// threads (dial-outs, timers, bridge checks). RunStateMachine holds no state and takes no lock.
// Never done while holding it: calling the audit hook (user code), calling a CallBridgeGateway
// (I/O; the lock is released around each request and the run re-checked after), and
// DialDispatcher.drain(), which hands queued dial-outs to the executor. DialQueue's own monitor
// is only ever taken inside this lock or without it, never around it.
public final class BlastDial implements AutoCloseable {
  private static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 10;

  private final Object lock = new Object();
  private final AuditHook audit;
  private final String actor;
  private final SpaceConfigs configs;
  private final DialDispatcher dispatcher;
  private final Recovery recovery;
  private final Map<String, Set<String>> observedCalls = new HashMap<>();

  private BlastDial(Builder b) {
    this.audit = b.audit;
    this.actor = b.actor;
    Map<String, CallBridgeGateway> gateways = Map.copyOf(b.gateways);
    this.configs = new SpaceConfigs(b.store,
        b.managesMeetings != null ? b.managesMeetings : gateways::containsKey, b.limits);
    this.dispatcher = new DialDispatcher(
        lock, b.scheduler, b.store, configs, gateways, b.executor, b.maxConcurrent);
    this.recovery = new Recovery(lock, b.scheduler, b.store, configs, dispatcher);
    synchronized (lock) {
      recovery.resume();
    }
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- monitoring and configuration

  /** Runs an administrative change, then reports it to the audit hook outside the lock. */
  private <T> T audited(String action, String target, Supplier<T> change,
      Function<T, String> detail) {
    T result;
    try {
      result = change.get();
    } catch (RuntimeException e) {
      boolean refused = e instanceof BlastDialException;
      audit.changed(actor, action, target,
          refused ? AuditHook.Outcome.REFUSED : AuditHook.Outcome.FAILED, e.getMessage());
      throw e;
    }
    audit.changed(actor, action, target, AuditHook.Outcome.SUCCEEDED, detail.apply(result));
    return result;
  }

  /** {@return this instance's monitoring settings} */
  public MonitoringSettings monitoring() {
    synchronized (lock) {
      return configs.monitoring();
    }
  }

  /**
   * Saves this instance's monitoring settings. Turning monitoring off stops every blast dial in
   * progress ({@link BlastStatus.Phase#TURNED_OFF}).
   *
   * @param settings Primary, or Secondary with its delay, or off; not null
   */
  public void setMonitoring(MonitoringSettings settings) {
    requireNonNull(settings, "settings == null");
    audited("blastdial.monitoring", "monitoring", () -> {
      setMonitoringLocked(settings);
      return settings;
    }, s -> String.valueOf(s));
  }

  private void setMonitoringLocked(MonitoringSettings settings) {
    synchronized (lock) {
      configs.saveMonitoring(settings);
      if (settings.role() == MonitoringRole.OFF) {
        dispatcher.finishAll(run -> true, BlastStatus.Phase.TURNED_OFF);
      }
    }
  }

  /**
   * {@return the backup section that carries this instance's monitoring setting (seed 20: blast
   * dial
   * monitoring), for {@code BackupManager.addSection}; restored with the configuration} Its text is
   * {@code role=PRIMARY|SECONDARY|OFF} and {@code secondaryDelay=<ISO-8601 duration>} lines.
   */
  public BackupSection monitoringBackup() {
    return SpaceConfigs.monitoringBackup(this::monitoring, this::setMonitoring);
  }

  /**
   * Returns whether blast dial may be configured on spaces of {@code clusterId}, or why not.
   *
   * @param clusterId the cluster's id, as registered with {@link Builder#callBridge}
   * @return empty if allowed, otherwise the reason (whose explanation tells the admin what to do)
   */
  public Optional<BlastDialNotAllowedException.Reason> findRefusal(String clusterId) {
    synchronized (lock) {
      return configs.findRefusal(clusterId);
    }
  }

  /**
   * {@return the blast dial configuration of {@code space} ({@link BlastDialConfig#disabled()} if
   * none)}
   *
   * @param space the cluster and coSpace id
   */
  public BlastDialConfig config(SpaceKey space) {
    synchronized (lock) {
      return configs.setup(space).config();
    }
  }

  /**
   * Saves the blast dial configuration of {@code space}. Turning it off stops the space's blast
   * dials in progress; other changes apply to them from the next attempt.
   *
   * @param space the cluster and coSpace id
   * @param config the new configuration; not null
   * @throws BlastDialNotAllowedException if the cluster's meetings are not managed here or
   *     monitoring is off
   */
  public void configure(SpaceKey space, BlastDialConfig config) {
    requireNonNull(config, "config == null");
    audited("blastdial.configure", String.valueOf(space), () -> {
      configureLocked(space, config);
      return config;
    }, c -> String.valueOf(c));
  }

  private void configureLocked(SpaceKey space, BlastDialConfig config) {
    synchronized (lock) {
      configs.configure(space, config);
      if (!config.isEnabled()) {
        dispatcher.finishAll(run -> run.space.equals(space), BlastStatus.Phase.TURNED_OFF);
      }
    }
  }

  // ---------------------------------------------------------------- contacts

  /**
   * {@return the contacts of {@code space} in list order}
   *
   * @param space the cluster and coSpace id
   */
  public List<Contact> contacts(SpaceKey space) {
    synchronized (lock) {
      return configs.setup(space).contacts();
    }
  }

  /**
   * Adds a contact to {@code space} and returns it with its new id.
   *
   * @param space the cluster and coSpace id
   * @param details the contact's name, address and whether it gets the audio prompt; not null
   * @return the stored contact, with the id to update or delete it by
   * @throws InvalidContactException if the name or address is not acceptable, the address is
   *     already in the list or the list is full
   * @throws BlastDialNotAllowedException if blast dial cannot be configured on the space
   */
  public Contact addContact(SpaceKey space, ContactDetails details) {
    return audited("blastdial.contact.add", String.valueOf(space),
        () -> locked(() -> configs.addContact(space, details)), c -> "contact " + c.id() + " added");
  }



  /**
   * Replaces the details of contact {@code contactId} in {@code space} and returns the result.
   *
   * @param space the cluster and coSpace id
   * @param contactId the id {@link #addContact} returned
   * @param details the new name, address and prompt setting; not null
   * @return the updated contact (same id)
   * @throws InvalidContactException if no such contact exists or the new details are not acceptable
   * @throws BlastDialNotAllowedException if blast dial cannot be configured on the space
   */
  public Contact updateContact(SpaceKey space, String contactId, ContactDetails details) {
    return audited("blastdial.contact.update", String.valueOf(space),
        () -> locked(() -> configs.updateContact(space, contactId, details)),
        c -> "contact " + c.id() + " updated");
  }



  /**
   * Deletes contact {@code contactId} from {@code space}.
   *
   * @param space the cluster and coSpace id
   * @param contactId the id {@link #addContact} returned
   * @throws InvalidContactException if no such contact exists
   * @throws BlastDialNotAllowedException if blast dial cannot be configured on the space
   */
  public void deleteContact(SpaceKey space, String contactId) {
    audited("blastdial.contact.delete", String.valueOf(space), () -> {
      synchronized (lock) {
        configs.deleteContact(space, contactId);
      }
      return contactId;
    }, id -> "contact " + id + " deleted");
  }



  /**
   * Replaces the whole contact list of {@code space} with the contacts in a CSV file (see {@link
   * ContactsCsv}) and returns the new list. A rejected file leaves the existing list untouched.
   *
   * @param space the cluster and coSpace id
   * @param fileName the uploaded file's name, used in error messages and the audit entry
   * @param content the file's bytes, UTF-8 (a byte order mark is allowed)
   * @return the new contact list, in file order
   * @throws ContactsCsvException listing every problem, by line
   * @throws BlastDialNotAllowedException if blast dial cannot be configured on the space
   */
  public List<Contact> uploadCsv(SpaceKey space, String fileName, byte[] content) {
    return audited("blastdial.contacts.upload", String.valueOf(space),
        () -> locked(() -> configs.uploadCsv(space, fileName, content)),
        list -> "contact list replaced from " + fileName + ": " + list.size() + " contact(s)");
  }



  /**
   * {@return the contacts of {@code space} as a CSV document that {@link #uploadCsv} accepts}
   *
   * @param space the cluster and coSpace id
   */
  public byte[] downloadCsv(SpaceKey space) {
    synchronized (lock) {
      return configs.downloadCsv(space);
    }
  }

  // ---------------------------------------------------------------- triggers and outcomes

  /**
   * Reports that a participant joined the meeting {@code callId} of {@code space}. The first report
   * for a meeting starts blast dial if it is on for the space (a Secondary waits first); later
   * reports for the same meeting are ignored, and so is a different call id for a space whose
   * meeting has not been reported ended (a distributed instance of the same meeting on another
   * Call Bridge; remembered for at most 24 hours). The contact whose address matches {@code
   * participantAddress} is not called.
   *
   * @param participantAddress the joining participant's address (URI), or an empty string if
   *     unknown
   * @param space the cluster and coSpace id of the meeting
   * @param callId the call id of the meeting on its Call Bridge
   */
  public void participantJoined(SpaceKey space, String callId, String participantAddress) {
    requireNonNull(space, "space == null");
    requireNonNull(callId, "callId == null");
    requireNonNull(participantAddress, "participantAddress == null");
    synchronized (lock) {
      Run run = dispatcher.start(space, callId, participantAddress);
      if (run == null) {
        return;
      }
      if (run.phase == BlastStatus.Phase.DIALING) {
        dispatcher.dialPending(run);
      } else {
        recovery.awaitSecondary(run, configs.monitoring().secondaryDelay());
      }
      dispatcher.persist(run);
    }
    dispatcher.drain();
  }

  /**
   * Feeds one poll of a cluster's active calls, for hosts that poll instead of (or besides) using
   * the Events client. A call with a space and at least one participant counts as that space's
   * first join (its oldest participant is the one not called); a call seen in the previous poll
   * and missing from this one has ended. Reports that were already made are ignored, so polling
   * and events may run together.
   *
   * @param clusterId the cluster the calls were read from
   * @param calls every active call of the poll, each with its space and participant addresses; not
   *     null
   */
  public void observeCalls(String clusterId, List<ActiveCall> calls) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(calls, "calls == null");
    Set<String> now = new HashSet<>();
    for (ActiveCall c : calls) {
      now.add(c.callId());
    }
    Set<String> before;
    synchronized (lock) {
      before = observedCalls.put(clusterId, now);
    }
    if (before != null) {
      for (String callId : before) {
        if (!now.contains(callId)) {
          meetingEnded(clusterId, callId);
        }
      }
    }
    for (ActiveCall c : calls) {
      if (!c.spaceId().isEmpty() && !c.participantAddresses().isEmpty()) {
        participantJoined(
            SpaceKey.of(clusterId, c.spaceId()), c.callId(), c.participantAddresses().get(0));
      }
    }
  }

  /**
   * Reports that the meeting {@code callId} on {@code clusterId} ended; dialing for it stops.
   *
   * @param clusterId the cluster the meeting ran on
   * @param callId the call id of the meeting that ended
   */
  public void meetingEnded(String clusterId, String callId) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(callId, "callId == null");
    synchronized (lock) {
      dispatcher.meetingEnded(clusterId, callId);
    }
  }

  /**
   * Reports that call leg {@code callLegId} is connected (CDR {@code callLegUpdate} with {@code
   * state=connected}, or the roster). With {@code confirmationStatus} blank, {@code notRequired} or
   * {@code confirmed} the contact has joined; {@code rejected} means they declined.
   *
   * @param confirmationStatus the leg's {@code confirmationStatus}, or an empty string if absent
   * @param callLegId the id of a leg this instance dialled out; other legs are ignored
   */
  public void callLegConnected(String callLegId, String confirmationStatus) {
    onLegEvent(new DialDispatcher.LegEvent(callLegId, true, "", confirmationStatus));
  }

  /**
   * Reports that call leg {@code callLegId} ended (CDR {@code callLegEnd}). A {@code rejected}
   * confirmation or reason {@code remoteRejected} ({@code *}, Decline or Reject) stops re-dialing
   * that contact; any other end before the contact joined (e.g. {@code remoteBusy}, {@code
   * ringingTimeout}, {@code confirmationTimeOut}) is a failed attempt and is retried.
   *
   * @param reason the {@code callLegEnd} reason, or an empty string if unknown
   * @param confirmationStatus the leg's {@code confirmationStatus}, or an empty string if absent
   * @param callLegId the id of a leg this instance dialled out; other legs are ignored
   */
  public void callLegEnded(String callLegId, String reason, String confirmationStatus) {
    onLegEvent(new DialDispatcher.LegEvent(callLegId, false, reason, confirmationStatus));
  }

  private void onLegEvent(DialDispatcher.LegEvent event) {
    requireNonNull(event.legId(), "callLegId == null");
    requireNonNull(event.reason(), "reason == null");
    requireNonNull(event.confirmationStatus(), "confirmationStatus == null");
    synchronized (lock) {
      dispatcher.onLegEvent(event);
    }
    dispatcher.drain();
  }

  // ---------------------------------------------------------------- status

  /**
   * {@return the status of the blast dial for meeting {@code callId} on {@code clusterId}, while it
   * runs and for a while after it is over}
   *
   * @param clusterId the cluster the meeting runs on
   * @param callId the call id of the meeting
   */
  public Optional<BlastStatus> findStatus(String clusterId, String callId) {
    synchronized (lock) {
      return dispatcher.findStatus(clusterId, callId);
    }
  }

  /** {@return the status of every blast dial in progress, oldest first} */
  public List<BlastStatus> activeBlasts() {
    synchronized (lock) {
      return dispatcher.activeBlasts();
    }
  }

  /**
   * Stops timers and the threads this instance created. Blast dials in progress stay in the store
   * and resume when a new instance is built on it. Dial-outs already sent to a bridge are waited
   * for, up to 60 s, and their call legs stored, so that once this returns the store may be closed
   * or handed to a new instance; dial-outs still queued are not sent.
   */
  @Override
  public void close() {
    dispatcher.close();
  }

  private <T> T locked(Supplier<T> change) {
    synchronized (lock) {
      return change.get();
    }
  }



  /** Builds a {@link BlastDial}. Not thread-safe. */
  public static final class Builder {
    private Scheduler scheduler = Scheduler.system();
    private BlastDialStore store;
    private final Map<String, CallBridgeGateway> gateways = new HashMap<>();
    private Predicate<String> managesMeetings;
    private CsvLimits limits = CsvLimits.defaults();
    private int maxConcurrent = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private Executor executor;
    private AuditHook audit = AuditHook.none();
    private String actor = "system";

    private Builder() {}

    /**
     * Reports monitoring, space configuration and contact changes to {@code audit} as done by
     * {@code actor} (e.g. the signed-in administrator); nothing is audited unless set.
     *
     * @param audit where audit entries go; not null
     * @param actor who the entries name as having made the change, such as {@code "admin"}; not
     *     null
     * @return this builder
     */
    public Builder audit(AuditHook audit, String actor) {
      this.audit = requireNonNull(audit, "audit == null");
      this.actor = requireNonNull(actor, "actor == null");
      return this;
    }

    /**
     * Sets the store (required); use {@link BlastDialStore#file} for the embedded default.
     *
     * @param store where monitoring settings, space setups and runs in progress are kept; not null
     * @return this builder
     */
    public Builder store(BlastDialStore store) {
      this.store = requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Sets the scheduler for retry delays and the Secondary's wait; default {@link
     * Scheduler#system()}.
     *
     * @param scheduler the scheduler for retry delays and the Secondary's wait; default {@link
     *     Scheduler#system()}
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Adds the gateway to the Call Bridge(s) of cluster {@code clusterId}; at least one is
     * required.
     *
     * @param clusterId the cluster's id, as used in {@link SpaceKey#clusterId()}; not null
     * @param gateway the gateway to that cluster's Call Bridge; a later call for the same cluster
     *     replaces it; not null
     * @return this builder
     */
    public Builder callBridge(String clusterId, CallBridgeGateway gateway) {
      requireNonNull(clusterId, "clusterId == null");
      requireNonNull(gateway, "gateway == null");
      gateways.put(clusterId, gateway);
      return this;
    }

    /**
     * Sets which clusters have "Use Meeting Management to manage meetings on this cluster" checked
     * (for example from mm-core's cluster registry). Default: every cluster with a gateway.
     *
     * @param clusterIds which clusters have "Use Meeting Management to manage meetings on this
     *     cluster" checked (for example from mm-core's cluster registry)
     * @return this builder
     */
    public Builder managesMeetings(Predicate<String> clusterIds) {
      this.managesMeetings = requireNonNull(clusterIds, "clusterIds == null");
      return this;
    }

    /**
     * Takes "manages meetings" from mm-core's cluster registry: a cluster whose {@link
     * io.mmsdk.core.cluster.Cluster#manageMeetings()} is true, read at each check so edits apply
     * at once. Unknown clusters are not managed.
     *
     * @param registry mm-core's cluster registry; not null
     * @return this builder
     */
    public Builder clusters(io.mmsdk.core.cluster.ClusterRegistry registry) {
      requireNonNull(registry, "registry == null");
      this.managesMeetings =
          id -> registry.findCluster(id).map(io.mmsdk.core.cluster.Cluster::manageMeetings).orElse(false);
      return this;
    }

    /**
     * Sets CSV and contact list limits; default {@link CsvLimits#defaults()}.
     *
     * @param limits CSV and contact list limits; default {@link CsvLimits#defaults()}
     * @return this builder
     */
    public Builder csvLimits(CsvLimits limits) {
      this.limits = requireNonNull(limits, "limits == null");
      return this;
    }

    /**
     * Sets how many requests may be in flight toward the bridges at once (1 to 200); default 10.
     *
     * @param max how many requests may be in flight toward the bridges at once (1 to 200); default
     *     10
     * @return this builder
     */
    public Builder maxConcurrentRequests(int max) {
      if (max < 1 || max > 200) {
        throw new IllegalArgumentException("maxConcurrentRequests must be 1 to 200, was " + max);
      }
      this.maxConcurrent = max;
      return this;
    }

    /**
     * Sets the executor that runs bridge requests; the caller keeps ownership. Default: a pool of
     * {@link #maxConcurrentRequests(int)} daemon threads, shut down by {@link BlastDial#close()}.
     *
     * @param executor the executor that runs bridge requests; the caller keeps ownership
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Builds the instance and resumes the blast dials in progress found in the store.
     *
     * @return the instance, with the blast dials in progress it found resumed
     * @throws IllegalStateException if the store or every gateway is missing
     */
    public BlastDial build() {
      if (store == null) {
        throw new IllegalStateException("store is required; call store(BlastDialStore.file(dir))");
      }
      if (gateways.isEmpty()) {
        throw new IllegalStateException(
            "at least one Call Bridge gateway is required; call callBridge(clusterId, gateway)");
      }
      return new BlastDial(this);
    }
  }
}
