package io.mmsdk.admin.audit;

import io.mmsdk.common.listen.Listeners;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.core.audit.AuditHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only record of who changed what. Every mm-admin change made through a signed-in
 * principal is recorded here, and so is every cluster registry change when the registry is given
 * this trail; other modules record their own changes with {@link #record} or {@link #changed}.
 *
 * <p>Thread-safe. Events are time-stamped from the {@link Scheduler} clock, numbered from 1, and
 * stored durably before {@link #record} returns.
 */
public final class AuditTrail implements AuditHook {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

  private final Scheduler scheduler;
  private final AuditStore store;
  private final List<AuditEvent> events;
  private final Listeners<Consumer<AuditEvent>> listeners = new Listeners<>("Audit", log);

  private AuditTrail(Scheduler scheduler, AuditStore store) {
    this.scheduler = scheduler;
    this.store = store;
    this.events = new ArrayList<>(store.load());
  }

  /**
   * {@return a trail backed by {@code store}, loading what it holds}
   *
   * @param scheduler its clock stamps the events; not null
   * @param store where the events are kept; not null
   */
  public static AuditTrail create(Scheduler scheduler, AuditStore store) {
    return new AuditTrail(
        Objects.requireNonNull(scheduler, "scheduler == null"), Objects.requireNonNull(store, "store == null"));
  }

  /**
   * {@return a trail that keeps nothing between runs}
   *
   * @param scheduler its clock stamps the events; not null
   */
  public static AuditTrail inMemory(Scheduler scheduler) {
    return create(scheduler, AuditStore.inMemory());
  }

  /**
   * Appends an event and returns it. Never pass secrets in {@code detail}.
   *
   * @param actor who did it (a username, or {@code "system"})
   * @param action dotted verb, e.g. {@code "user.delete"}
   * @param target what it was done to
   * @param detail free text for people
   * @return the stored event, with its time and sequence number
   */
  public AuditEvent record(String actor, String action, String target, String detail) {
    Objects.requireNonNull(actor, "actor == null");
    Objects.requireNonNull(action, "action == null");
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(detail, "detail == null");
    AuditEvent e;
    synchronized (this) {
      long seq = events.isEmpty() ? 1 : events.get(events.size() - 1).sequence() + 1;
      e = new AuditEvent(seq, scheduler.now(), actor, action, target, detail);
      store.append(e);
      events.add(e);
    }
    listeners.callEach(l -> l.accept(e), "event " + e.sequence());
    return e;
  }

  /**
   * Records a module's administrative change: the detail starts with {@code "outcome: <outcome>; "}
   * so the trail shows who, what, when and how it ended.
   */
  @Override
  public void changed(String actor, String action, String target, Outcome outcome, String detail) {
    java.util.Objects.requireNonNull(outcome, "outcome == null");
    record(actor, action, target, "outcome: " + outcome.label() + "; " + detail);
  }

  /**
   * {@return the events matching {@code query}, oldest first (the newest {@code limit} if set)}
   *
   * @param query the criteria; {@code AuditQuery.builder().build()} matches everything
   */
  public synchronized List<AuditEvent> query(AuditQuery query) {
    Objects.requireNonNull(query, "query == null");
    List<AuditEvent> hits = events.stream().filter(query::matches).toList();
    int from = Math.max(0, hits.size() - query.limit());
    return List.copyOf(hits.subList(from, hits.size()));
  }

  /** {@return every event, oldest first} */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Replaces the whole trail (restore only). Listeners are not told.
   *
   * @param restored the trail from a backup, oldest first
   */
  public synchronized void replaceAll(List<AuditEvent> restored) {
    Objects.requireNonNull(restored, "restored == null");
    store.replaceAll(restored);
    events.clear();
    events.addAll(restored);
  }

  /**
   * Adds a listener told about each new event after it is stored (for example syslog forwarding).
   *
   * @param listener called with each event on the thread that recorded it; not null
   * @return a registration whose {@code close()} removes the listener
   */
  public Registration addListener(Consumer<AuditEvent> listener) {
    return listeners.add(listener);
  }
}
