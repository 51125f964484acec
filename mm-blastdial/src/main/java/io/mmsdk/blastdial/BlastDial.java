package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.api.Direction;
import io.mmsdk.cms.api.State;
import io.mmsdk.core.audit.AuditHook;
import io.mmsdk.core.backup.BackupPart;
import io.mmsdk.core.backup.BackupSection;
import io.mmsdk.common.time.Scheduler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
public final class BlastDial implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BlastDial.class);
  private static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 10;
  private static final Duration FIRST_BUSY_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BUSY_BACKOFF = Duration.ofSeconds(30);
  private static final Duration CHECK_RETRY_DELAY = Duration.ofSeconds(10);
  private static final int REMEMBERED_FINISHED = 1000;
  private static final Duration MEETING_MEMORY = Duration.ofHours(24);
  private static final int REMEMBERED_EARLY_EVENTS = 10_000;
  private static final Set<String> JOINED_CONFIRMATION =
      Set.of("", "notrequired", "confirmed", "accepted");
  private static final Set<String> REJECTED_REASONS =
      Set.of("remoterejected", "rejected", "declined");

  private final AuditHook audit;
  private final String actor;
  private final Scheduler scheduler;
  private final BlastDialStore store;
  private final Map<String, CallBridgeGateway> gateways;
  private final Predicate<String> managesMeetings;
  private final CsvLimits limits;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final DialQueue queue;

  private final Map<SpaceKey, SpaceSetup> setups = new HashMap<>();
  private MonitoringSettings monitoringCache;
  private final Map<String, Run> active = new HashMap<>();
  private final Map<String, Set<String>> observedCalls = new HashMap<>();
  private final Map<SpaceKey, Meeting> meetingOfSpace = new HashMap<>();
  private final Map<String, LegRef> legs = new HashMap<>();
  private final Map<String, BlastStatus> finished = lruMap(REMEMBERED_FINISHED);
  private final Map<String, LegEvent> earlyEvents = lruMap(REMEMBERED_EARLY_EVENTS);
  private boolean closed;

  private BlastDial(Builder b) {
    this.audit = b.audit;
    this.actor = b.actor;
    this.scheduler = b.scheduler;
    this.store = b.store;
    this.gateways = Map.copyOf(b.gateways);
    this.managesMeetings =
        b.managesMeetings != null ? b.managesMeetings : gateways::containsKey;
    this.limits = b.limits;
    if (b.executor != null) {
      this.executor = b.executor;
      this.ownedExecutor = null;
    } else {
      this.ownedExecutor = Executors.newFixedThreadPool(b.maxConcurrent, daemonThreads());
      this.executor = ownedExecutor;
    }
    this.queue = new DialQueue(executor, b.maxConcurrent);
    resume();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- monitoring and configuration

  /** Runs an administrative change, then reports it to the audit hook outside the lock. */
  private <T> T audited(String action, String target, java.util.function.Supplier<T> change,
      java.util.function.Function<T, String> detail) {
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
  public synchronized MonitoringSettings monitoring() {
    if (monitoringCache == null) {
      monitoringCache = store.monitoring();
    }
    return monitoringCache;
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
    synchronized (this) {
      store.saveMonitoring(settings);
      monitoringCache = settings;
      if (settings.role() == MonitoringRole.OFF) {
        for (Run run : new ArrayList<>(active.values())) {
          finish(run, BlastStatus.Phase.TURNED_OFF);
        }
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
    return new BackupSection() {
      @Override
      public String name() {
        return "blastdial.monitoring";
      }

      @Override
      public BackupPart part() {
        return BackupPart.CONFIGURATION;
      }

      @Override
      public String export() {
        MonitoringSettings m = monitoring();
        return "role=" + m.role().name() + "\nsecondaryDelay=" + m.secondaryDelay() + "\n";
      }

      @Override
      public void validate(String content) {
        parseMonitoring(content);
      }

      @Override
      public void restore(String content) {
        setMonitoring(parseMonitoring(content));
      }
    };
  }

  private static MonitoringSettings parseMonitoring(String content) {
    Map<String, String> values = new HashMap<>();
    for (String line : content.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    String role = values.get("role");
    String delay = values.get("secondaryDelay");
    if (role == null || delay == null) {
      throw new IllegalArgumentException("blast dial monitoring section needs role= and"
          + " secondaryDelay= lines; got '" + content + "'");
    }
    return new MonitoringSettings(MonitoringRole.valueOf(role), Duration.parse(delay));
  }

  /**
   * Returns whether blast dial may be configured on spaces of {@code clusterId}, or why not.
   *
   * @param clusterId the cluster's id, as registered with {@link Builder#callBridge}
   * @return empty if allowed, otherwise the reason (whose explanation tells the admin what to do)
   */
  public synchronized Optional<BlastDialNotAllowedException.Reason> findRefusal(String clusterId) {
    requireNonNull(clusterId, "clusterId == null");
    if (!managesMeetings.test(clusterId)) {
      return Optional.of(BlastDialNotAllowedException.Reason.CLUSTER_NOT_MANAGED);
    }
    if (monitoring().role() == MonitoringRole.OFF) {
      return Optional.of(BlastDialNotAllowedException.Reason.MONITORING_OFF);
    }
    return Optional.empty();
  }

  /**
   * {@return the blast dial configuration of {@code space} ({@link BlastDialConfig#disabled()} if
   * none)}
   *
   * @param space the cluster and coSpace id
   */
  public synchronized BlastDialConfig config(SpaceKey space) {
    return setup(space).config();
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
    synchronized (this) {
      checkAllowed(space);
      SpaceSetup old = setup(space);
      save(new SpaceSetup(space, config, old.contacts()));
      if (!config.isEnabled()) {
        for (Run run : new ArrayList<>(active.values())) {
          if (run.space.equals(space)) {
            finish(run, BlastStatus.Phase.TURNED_OFF);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- contacts

  /**
   * {@return the contacts of {@code space} in list order}
   *
   * @param space the cluster and coSpace id
   */
  public synchronized List<Contact> contacts(SpaceKey space) {
    return setup(space).contacts();
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
        () -> addContactLocked(space, details), c -> "contact " + c.id() + " added");
  }

  private synchronized Contact addContactLocked(SpaceKey space, ContactDetails details) {
    requireNonNull(details, "details == null");
    checkAllowed(space);
    SpaceSetup s = setup(space);
    if (s.contacts().size() >= limits.maxContacts()) {
      throw new InvalidContactException(
          "The space already has " + s.contacts().size() + " contacts, the most allowed ("
              + limits.maxContacts() + "); delete a contact before adding another");
    }
    ContactDetails d = validate(details, s.contacts(), null);
    Contact c = new Contact(nextId(s.contacts()), d.name(), d.address(), d.promptRequired());
    List<Contact> contacts = new ArrayList<>(s.contacts());
    contacts.add(c);
    save(new SpaceSetup(space, s.config(), contacts));
    return c;
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
        () -> updateContactLocked(space, contactId, details),
        c -> "contact " + c.id() + " updated");
  }

  private synchronized Contact updateContactLocked(
      SpaceKey space, String contactId, ContactDetails details) {
    requireNonNull(contactId, "contactId == null");
    requireNonNull(details, "details == null");
    checkAllowed(space);
    SpaceSetup s = setup(space);
    int index = indexOf(s.contacts(), contactId);
    ContactDetails d = validate(details, s.contacts(), contactId);
    Contact c = new Contact(contactId, d.name(), d.address(), d.promptRequired());
    List<Contact> contacts = new ArrayList<>(s.contacts());
    contacts.set(index, c);
    save(new SpaceSetup(space, s.config(), contacts));
    return c;
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
      deleteContactLocked(space, contactId);
      return contactId;
    }, id -> "contact " + id + " deleted");
  }

  private synchronized void deleteContactLocked(SpaceKey space, String contactId) {
    requireNonNull(contactId, "contactId == null");
    checkAllowed(space);
    SpaceSetup s = setup(space);
    List<Contact> contacts = new ArrayList<>(s.contacts());
    contacts.remove(indexOf(contacts, contactId));
    save(new SpaceSetup(space, s.config(), contacts));
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
        () -> uploadCsvLocked(space, fileName, content),
        list -> "contact list replaced from " + fileName + ": " + list.size() + " contact(s)");
  }

  private synchronized List<Contact> uploadCsvLocked(SpaceKey space, String fileName,
      byte[] content) {
    checkAllowed(space);
    List<ContactDetails> rows = ContactsCsv.parse(fileName, content, limits);
    SpaceSetup s = setup(space);
    List<Contact> contacts = new ArrayList<>(rows.size());
    for (ContactDetails d : rows) {
      contacts.add(
          new Contact("c" + (contacts.size() + 1), d.name(), d.address(), d.promptRequired()));
    }
    save(new SpaceSetup(space, s.config(), contacts));
    return List.copyOf(contacts);
  }

  /**
   * {@return the contacts of {@code space} as a CSV document that {@link #uploadCsv} accepts}
   *
   * @param space the cluster and coSpace id
   */
  public synchronized byte[] downloadCsv(SpaceKey space) {
    return ContactsCsv.write(setup(space).contacts()).getBytes(StandardCharsets.UTF_8);
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
    synchronized (this) {
      String key = key(space.clusterId(), callId);
      if (closed || active.containsKey(key) || finished.containsKey(key)) {
        return;
      }
      Meeting current = meetingOfSpace.get(space);
      if (current != null
          && !current.callId().equals(callId)
          && current.startedAt().plus(MEETING_MEMORY).isAfter(scheduler.now())) {
        // Another call id for a space whose meeting has not ended: a distributed instance of the
        // same meeting on another Call Bridge. Its start must not blast dial a second time.
        log.info("Call {} of space {} joins meeting {} already handled; not dialing again",
            callId, space.spaceId(), current.callId());
        return;
      }
      MonitoringSettings monitoring = monitoring();
      SpaceSetup s = setup(space);
      if (monitoring.role() == MonitoringRole.OFF
          || !s.config().isEnabled()
          || s.contacts().isEmpty()
          || !managesMeetings.test(space.clusterId())
          || !gateways.containsKey(space.clusterId())) {
        return;
      }
      String joiner = ContactRules.normalizeAddress(participantAddress);
      List<Run.Slot> slots = new ArrayList<>();
      for (Contact c : s.contacts()) {
        Run.Slot slot = new Run.Slot(c);
        if (!joiner.isEmpty() && ContactRules.normalizeAddress(c.address()).equals(joiner)) {
          slot.state = ContactState.SKIPPED;
          slot.lastResult = "dialed in";
        }
        slots.add(slot);
      }
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
      if (primary) {
        dialPending(run);
        checkComplete(run);
      } else {
        scheduleCheck(run, monitoring.secondaryDelay(), this::secondaryCheck);
      }
      persist(run);
    }
    queue.drain();
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
    synchronized (this) {
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
  public synchronized void meetingEnded(String clusterId, String callId) {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(callId, "callId == null");
    String key = key(clusterId, callId);
    Run run = active.get(key);
    if (run != null) {
      finish(run, BlastStatus.Phase.MEETING_ENDED);
    }
    meetingOfSpace.values().removeIf(m -> m.callId().equals(callId));
    store.deleteRun(clusterId, callId);
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
    onLegEvent(new LegEvent(callLegId, true, "", confirmationStatus));
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
    onLegEvent(new LegEvent(callLegId, false, reason, confirmationStatus));
  }

  // ---------------------------------------------------------------- status

  /**
   * {@return the status of the blast dial for meeting {@code callId} on {@code clusterId}, while it
   * runs and for a while after it is over}
   *
   * @param clusterId the cluster the meeting runs on
   * @param callId the call id of the meeting
   */
  public synchronized Optional<BlastStatus> findStatus(String clusterId, String callId) {
    String key = key(clusterId, callId);
    Run run = active.get(key);
    return run != null ? Optional.of(run.snapshot()) : Optional.ofNullable(finished.get(key));
  }

  /** {@return the status of every blast dial in progress, oldest first} */
  public synchronized List<BlastStatus> activeBlasts() {
    List<BlastStatus> result = new ArrayList<>();
    for (Run run : active.values()) {
      result.add(run.snapshot());
    }
    result.sort(java.util.Comparator.comparing(BlastStatus::startedAt));
    return result;
  }

  /**
   * Stops timers and the threads this instance created. Blast dials in progress stay in the store
   * and resume when a new instance is built on it.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      for (Run run : active.values()) {
        cancelTimers(run);
      }
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }

  // ---------------------------------------------------------------- engine (guarded by this)

  private void dialPending(Run run) {
    for (Run.Slot slot : run.slots) {
      if (slot.state == ContactState.PENDING) {
        enqueueDial(run, slot);
      }
    }
  }

  private void enqueueDial(Run run, Run.Slot slot) {
    slot.state = ContactState.DIALING;
    slot.attempts++;
    slot.nextRetryAt = null;
    slot.callLegId = null;
    run.inFlight++;
    queue.add(() -> dial(run, slot));
  }

  private void dial(Run run, Run.Slot slot) {
    boolean prompt;
    synchronized (this) {
      if (closed || run.phase != BlastStatus.Phase.DIALING || slot.state != ContactState.DIALING) {
        run.inFlight--;
        return;
      }
      prompt = setup(run.space).config().audioPrompt().promptFor(slot.contact);
    }
    CallBridgeGateway gateway = gateways.get(run.space.clusterId());
    String legId;
    try {
      legId = gateway.dialOut(run.callId, slot.contact.address(), prompt);
    } catch (BridgeBusyException e) {
      synchronized (this) {
        run.inFlight--;
        onBusy(run, slot);
        persist(run);
      }
      return;
    } catch (RuntimeException e) {
      log.warn("Dial-out to contact {} for call {} failed", slot.contact.id(), run.callId, e);
      synchronized (this) {
        run.inFlight--;
        if (slot.state == ContactState.DIALING) {
          attemptFailed(run, slot, "dialOutFailed");
          checkComplete(run);
        }
        persist(run);
      }
      return;
    }
    synchronized (this) {
      run.inFlight--;
      run.busyStreak = 0;
      slot.callLegId = legId;
      if (slot.state == ContactState.DIALING && isActive(run)) {
        legs.put(legId, new LegRef(run, slot));
        LegEvent early = earlyEvents.remove(legId);
        if (early != null) {
          apply(early, run, slot);
          persist(run);
          return;
        }
      }
      if (run.inFlight == 0) {
        persist(run);
      }
    }
  }

  private void onBusy(Run run, Run.Slot slot) {
    if (slot.state != ContactState.DIALING || !isActive(run)) {
      return;
    }
    slot.attempts--;
    slot.state = ContactState.PENDING;
    slot.lastResult = "bridgeBusy";
    long factor = 1L << Math.min(run.busyStreak, 5);
    Duration delay = FIRST_BUSY_BACKOFF.multipliedBy(factor);
    if (delay.compareTo(MAX_BUSY_BACKOFF) > 0) {
      delay = MAX_BUSY_BACKOFF;
    }
    run.busyStreak++;
    slot.retryTimer = scheduler.schedule(delay, () -> redial(run, slot, ContactState.PENDING));
  }

  private void attemptFailed(Run run, Run.Slot slot, String result) {
    slot.lastResult = result;
    slot.callLegId = null;
    BlastDialConfig config = setup(run.space).config();
    if (slot.attempts <= config.retries()) {
      slot.state = ContactState.WAITING_RETRY;
      slot.nextRetryAt = scheduler.now().plus(config.retryDelay());
      slot.retryTimer =
          scheduler.schedule(
              config.retryDelay(), () -> redial(run, slot, ContactState.WAITING_RETRY));
    } else {
      slot.state = ContactState.RETRIES_EXHAUSTED;
      slot.nextRetryAt = null;
    }
  }

  private void redial(Run run, Run.Slot slot, ContactState expected) {
    synchronized (this) {
      if (closed || run.phase != BlastStatus.Phase.DIALING || slot.state != expected
          || !isActive(run)) {
        return;
      }
      enqueueDial(run, slot);
      persist(run);
    }
    queue.drain();
  }

  private void onLegEvent(LegEvent event) {
    requireNonNull(event.legId, "callLegId == null");
    requireNonNull(event.reason, "reason == null");
    requireNonNull(event.confirmationStatus, "confirmationStatus == null");
    synchronized (this) {
      LegRef ref = legs.get(event.legId);
      if (ref == null) {
        earlyEvents.put(event.legId, event);
        return;
      }
      apply(event, ref.run, ref.slot);
      persist(ref.run);
    }
    queue.drain();
  }

  private void apply(LegEvent event, Run run, Run.Slot slot) {
    String confirmation = event.confirmationStatus.strip().toLowerCase(Locale.ROOT);
    if (event.connected) {
      if (slot.state != ContactState.DIALING) {
        return;
      }
      if (confirmation.equals("rejected")) {
        slot.state = ContactState.DECLINED;
        slot.lastResult = "rejected";
      } else if (JOINED_CONFIRMATION.contains(confirmation)) {
        slot.state = ContactState.JOINED;
        slot.lastResult = confirmation.isEmpty() ? "connected" : event.confirmationStatus.strip();
      } else {
        slot.lastResult = event.confirmationStatus.strip();
      }
    } else {
      legs.remove(event.legId);
      if (slot.state != ContactState.DIALING || !event.legId.equals(slot.callLegId)) {
        return;
      }
      String reason = event.reason.strip();
      if (confirmation.equals("rejected")
          || REJECTED_REASONS.contains(reason.toLowerCase(Locale.ROOT))) {
        slot.state = ContactState.DECLINED;
        slot.lastResult = reason.isEmpty() ? "rejected" : reason;
      } else {
        attemptFailed(run, slot, reason.isEmpty() ? "ended" : reason);
      }
    }
    checkComplete(run);
  }

  private void checkComplete(Run run) {
    if (run.phase == BlastStatus.Phase.DIALING && run.inFlight == 0 && run.allFinal()) {
      finish(run, BlastStatus.Phase.COMPLETED);
    }
  }

  /** Ends a run; it stays stored (as over) until its meeting ends, so it never restarts. */
  private void finish(Run run, BlastStatus.Phase phase) {
    cancelTimers(run);
    for (Run.Slot slot : run.slots) {
      if (slot.callLegId != null) {
        legs.remove(slot.callLegId);
      }
      if (!slot.state.isFinal()) {
        slot.state = ContactState.STOPPED;
        slot.nextRetryAt = null;
      }
    }
    run.phase = phase;
    String key = key(run.space.clusterId(), run.callId);
    active.remove(key);
    BlastStatus snapshot = run.snapshot();
    finished.put(key, snapshot);
    if (phase == BlastStatus.Phase.MEETING_ENDED) {
      meetingOfSpace.values().removeIf(m -> m.callId().equals(run.callId));
      store.deleteRun(run.space.clusterId(), run.callId);
    } else {
      store.saveRun(snapshot);
    }
    log.info("Blast dial for space {} call {} is over: {}", run.space.spaceId(), run.callId, phase);
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

  private boolean isActive(Run run) {
    return active.get(key(run.space.clusterId(), run.callId)) == run;
  }

  private void persist(Run run) {
    if (isActive(run)) {
      store.saveRun(run.snapshot());
    }
  }

  // ---------------------------------------------------------------- Secondary and restart checks

  private interface Check {
    void run(Run run, boolean callActive, List<CallLeg> legs);
  }

  private void scheduleCheck(Run run, Duration delay, Check check) {
    run.pendingCheck =
        scheduler.schedule(delay, () -> executor.execute(() -> runCheck(run, check)));
  }

  private void runCheck(Run run, Check check) {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    CallBridgeGateway gateway = gateways.get(run.space.clusterId());
    boolean callActive;
    List<CallLeg> callLegs;
    try {
      callActive = gateway.isCallActive(run.callId);
      callLegs = callActive ? gateway.callLegs(run.callId) : List.of();
    } catch (RuntimeException e) {
      log.warn("Cannot read call {} from its bridge; checking again in {}", run.callId,
          CHECK_RETRY_DELAY, e);
      synchronized (this) {
        if (!closed) {
          scheduleCheck(run, CHECK_RETRY_DELAY, check);
        }
      }
      return;
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      run.pendingCheck = null;
      check.run(run, callActive, callLegs);
    }
    queue.drain();
  }

  private void secondaryCheck(Run run, boolean callActive, List<CallLeg> callLegs) {
    if (!isActive(run) || run.phase != BlastStatus.Phase.WAITING_AS_SECONDARY) {
      return;
    }
    if (!callActive) {
      finish(run, BlastStatus.Phase.MEETING_ENDED);
      return;
    }
    Set<String> addresses = new HashSet<>();
    for (Run.Slot slot : run.slots) {
      addresses.add(ContactRules.normalizeAddress(slot.contact.address()));
    }
    boolean someoneDialing =
        callLegs.stream()
            .anyMatch(l -> isOutgoing(l)
                && addresses.contains(ContactRules.normalizeAddress(l.remoteParty().orElse(""))));
    if (someoneDialing) {
      finish(run, BlastStatus.Phase.DIALED_BY_OTHER_INSTANCE);
      return;
    }
    run.phase = BlastStatus.Phase.DIALING;
    dialPending(run);
    checkComplete(run);
    persist(run);
  }

  private static boolean isOutgoing(CallLeg leg) {
    return leg.direction().orElse(null) == Direction.OUTGOING;
  }

  private static boolean isConnected(CallLeg leg) {
    return leg.statusState().orElse(null) == State.CONNECTED;
  }

  private void resume() {
    synchronized (this) {
      MonitoringSettings monitoring = monitoring();
      for (BlastStatus stored : store.runs()) {
        Run run = Run.from(stored);
        String key = key(run.space.clusterId(), run.callId);
        meetingOfSpace.put(run.space, new Meeting(run.callId, run.startedAt));
        if (!gateways.containsKey(run.space.clusterId())) {
          log.warn("Blast dial for call {} belongs to cluster {} which has no gateway; left as is",
              run.callId, run.space.clusterId());
          continue;
        }
        if (run.phase.isFinal()) {
          finished.put(key, stored);
          scheduleCheck(run, Duration.ZERO, this::forgetIfEnded);
          continue;
        }
        active.put(key, run);
        for (Run.Slot slot : run.slots) {
          if (slot.state == ContactState.DIALING && slot.callLegId != null) {
            legs.put(slot.callLegId, new LegRef(run, slot));
          }
        }
        Duration secondaryWait =
            Duration.between(scheduler.now(), run.startedAt.plus(monitoring.secondaryDelay()));
        scheduleCheck(run, Duration.ZERO, (r, callActive, callLegs) ->
            resumeCheck(r, callActive, callLegs, secondaryWait));
      }
    }
  }

  private void forgetIfEnded(Run run, boolean callActive, List<CallLeg> callLegs) {
    if (!callActive) {
      meetingOfSpace.values().removeIf(m -> m.callId().equals(run.callId));
      store.deleteRun(run.space.clusterId(), run.callId);
    }
  }

  private void resumeCheck(
      Run run, boolean callActive, List<CallLeg> callLegs, Duration secondaryWait) {
    if (!isActive(run)) {
      return;
    }
    if (!callActive) {
      finish(run, BlastStatus.Phase.MEETING_ENDED);
      return;
    }
    if (run.phase == BlastStatus.Phase.WAITING_AS_SECONDARY) {
      scheduleCheck(run, secondaryWait.isNegative() ? Duration.ZERO : secondaryWait,
          this::secondaryCheck);
      return;
    }
    Map<String, CallLeg> byId = new HashMap<>();
    Set<String> owned = new HashSet<>();
    for (CallLeg l : callLegs) {
      byId.put(l.id(), l);
    }
    for (Run.Slot slot : run.slots) {
      if (slot.callLegId != null) {
        owned.add(slot.callLegId);
      }
    }
    Instant now = scheduler.now();
    for (Run.Slot slot : run.slots) {
      switch (slot.state) {
        case DIALING:
          if (slot.callLegId != null) {
            CallLeg leg = byId.get(slot.callLegId);
            if (leg == null) {
              legs.remove(slot.callLegId);
              attemptFailed(run, slot, "endedWhileNotMonitoring");
            } else if (isConnected(leg)) {
              legs.remove(slot.callLegId);
              slot.state = ContactState.JOINED;
              slot.lastResult = "connected";
            }
          } else {
            String address = ContactRules.normalizeAddress(slot.contact.address());
            Optional<CallLeg> adopted =
                callLegs.stream()
                    .filter(l -> isOutgoing(l) && !owned.contains(l.id())
                        && ContactRules.normalizeAddress(l.remoteParty().orElse("")).equals(address))
                    .findFirst();
            if (adopted.isPresent()) {
              slot.callLegId = adopted.get().id();
              owned.add(slot.callLegId);
              if (isConnected(adopted.get())) {
                slot.state = ContactState.JOINED;
                slot.lastResult = "connected";
              } else {
                legs.put(slot.callLegId, new LegRef(run, slot));
              }
            } else {
              slot.attempts--;
              enqueueDial(run, slot);
            }
          }
          break;
        case WAITING_RETRY:
          Duration wait = Duration.between(now, slot.nextRetryAt);
          slot.retryTimer =
              scheduler.schedule(wait.isNegative() ? Duration.ZERO : wait,
                  () -> redial(run, slot, ContactState.WAITING_RETRY));
          break;
        case PENDING:
          enqueueDial(run, slot);
          break;
        default:
          break;
      }
    }
    checkComplete(run);
    persist(run);
  }

  // ---------------------------------------------------------------- helpers

  private SpaceSetup setup(SpaceKey space) {
    requireNonNull(space, "space == null");
    return setups.computeIfAbsent(
        space,
        k -> store.findSpace(k)
            .orElseGet(() -> new SpaceSetup(k, BlastDialConfig.disabled(), List.of())));
  }

  private void save(SpaceSetup setup) {
    store.saveSpace(setup);
    setups.put(setup.space(), setup);
  }

  private void checkAllowed(SpaceKey space) {
    requireNonNull(space, "space == null");
    Optional<BlastDialNotAllowedException.Reason> refusal = findRefusal(space.clusterId());
    if (refusal.isPresent()) {
      throw new BlastDialNotAllowedException(refusal.get());
    }
  }

  private ContactDetails validate(ContactDetails d, List<Contact> existing, String ownId) {
    String name = d.name().strip();
    String address = d.address().strip();
    Optional<ContactRules.Problem> bad =
        ContactRules.checkName(name).or(() -> ContactRules.checkAddress(address));
    if (bad.isPresent()) {
      throw new InvalidContactException("Contact not saved: " + bad.get().message());
    }
    String normalized = ContactRules.normalizeAddress(address);
    for (Contact c : existing) {
      if (!c.id().equals(ownId) && ContactRules.normalizeAddress(c.address()).equals(normalized)) {
        throw new InvalidContactException(
            "Contact not saved: the address '" + address + "' already belongs to contact '"
                + c.name() + "'; edit that contact instead");
      }
    }
    return new ContactDetails(name, address, d.promptRequired());
  }

  private static int indexOf(List<Contact> contacts, String contactId) {
    for (int i = 0; i < contacts.size(); i++) {
      if (contacts.get(i).id().equals(contactId)) {
        return i;
      }
    }
    throw new InvalidContactException(
        "No contact with id '" + contactId + "' in this space; list the contacts to get current ids");
  }

  private static String nextId(List<Contact> contacts) {
    long max = 0;
    for (Contact c : contacts) {
      if (c.id().startsWith("c")) {
        try {
          max = Math.max(max, Long.parseLong(c.id().substring(1)));
        } catch (NumberFormatException ignored) {
          // Ids not made by this class do not take part in numbering.
        }
      }
    }
    return "c" + (max + 1);
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

  private record LegEvent(String legId, boolean connected, String reason, String confirmationStatus) {}

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
