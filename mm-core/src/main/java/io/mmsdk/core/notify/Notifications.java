package io.mmsdk.core.notify;

import io.mmsdk.common.listen.Listeners;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.common.time.Scheduler;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active notifications of an SDK instance. Conditions are raised and cleared by key, so a
 * module can raise "Call Bridge X unreachable" on every failed poll and clear it on the first
 * success without creating duplicates.
 *
 * <p>Thread-safe. Time stamps come from the {@link Scheduler} clock.
 */
public final class Notifications {
  private static final Logger log = LoggerFactory.getLogger(Notifications.class);
  private static final Comparator<Notification> ORDER =
      Comparator.comparing(Notification::severity).thenComparing(Notification::raisedAt).thenComparing(Notification::key);

  private final Scheduler scheduler;
  private final Map<String, Notification> active = new LinkedHashMap<>();
  private final Listeners<NotificationListener> listeners = new Listeners<>("Notification", log);

  private Notifications(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * {@return an empty set of notifications that time-stamps with {@code scheduler}'s clock}
   *
   * @param scheduler its clock stamps {@code raisedAt} and {@code updatedAt}; not null
   */
  public static Notifications create(Scheduler scheduler) {
    return new Notifications(Objects.requireNonNull(scheduler, "scheduler == null"));
  }

  /**
   * Raises (or updates) the condition {@code key}. Re-raising an active key keeps its {@code
   * raisedAt} and updates severity, message and {@code updatedAt}; listeners hear about it only if
   * severity or message changed.
   *
   * @param source which part of the SDK raises it, e.g. {@code "licensing"}
   * @param severity ERROR, WARNING or INFORMATION
   * @param key what condition this is, unique across sources, e.g. {@code "licensing.smp"}
   * @param message what is wrong and what to do, for people; no secrets
   * @return the active notification
   */
  public Notification raise(Severity severity, String source, String key, String message) {
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(message, "message == null");
    if (key.isBlank()) {
      throw new IllegalArgumentException("key is blank; use a stable key such as 'licensing.unreachable.<bridgeId>'");
    }
    Instant now = scheduler.now();
    Notification next;
    boolean changed;
    synchronized (this) {
      Notification prev = active.get(key);
      next = new Notification(key, severity, source, message, prev == null ? now : prev.raisedAt(), now);
      changed = prev == null || prev.severity() != severity || !prev.message().equals(message);
      active.put(key, next);
    }
    if (changed) {
      listeners.callEach(l -> l.raised(next), "the raise of " + key);
    }
    return next;
  }

  /**
   * Clears the condition {@code key}; returns true if it was active.
   *
   * @param key the condition's key
   * @return true if it was active and is now cleared, false if it was not active
   */
  public boolean clear(String key) {
    Objects.requireNonNull(key, "key == null");
    Notification removed;
    synchronized (this) {
      removed = active.remove(key);
    }
    if (removed == null) {
      return false;
    }
    listeners.callEach(l -> l.cleared(removed), "the clear of " + key);
    return true;
  }

  /**
   * Clears every active notification whose key starts with {@code prefix}; returns how many.
   *
   * @param prefix the start of the keys to clear, e.g. {@code "cdr.gap."}
   * @return how many notifications were cleared
   */
  public int clearAll(String prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    List<String> keys;
    synchronized (this) {
      keys = active.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }
    int n = 0;
    for (String k : keys) {
      n += clear(k) ? 1 : 0;
    }
    return n;
  }

  /**
   * {@return the active notification with {@code key}}
   *
   * @param key the condition's key
   */
  public synchronized Optional<Notification> find(String key) {
    Objects.requireNonNull(key, "key == null");
    return Optional.ofNullable(active.get(key));
  }

  /**
   * {@return every active notification: errors first, then warnings, then information; oldest
   * first}
   */
  public synchronized List<Notification> active() {
    return active.values().stream().sorted(ORDER).toList();
  }

  /**
   * {@return the active notifications of {@code severity}, oldest first}
   *
   * @param severity ERROR, WARNING or INFORMATION
   */
  public synchronized List<Notification> active(Severity severity) {
    Objects.requireNonNull(severity, "severity == null");
    return active.values().stream().filter(n -> n.severity() == severity).sorted(ORDER).toList();
  }

  /** {@return how many notifications of each severity are active} */
  public synchronized NotificationCounts counts() {
    int e = 0;
    int w = 0;
    int i = 0;
    for (Notification n : active.values()) {
      switch (n.severity()) {
        case ERROR -> e++;
        case WARNING -> w++;
        case INFORMATION -> i++;
      }
    }
    return new NotificationCounts(e, w, i);
  }

  /**
   * Replaces every active notification (used by restore); listeners are not told.
   *
   * @param notifications the active notifications from a backup
   */
  public synchronized void replaceAll(List<Notification> notifications) {
    Objects.requireNonNull(notifications, "notifications == null");
    active.clear();
    notifications.forEach(n -> active.put(n.key(), n));
  }

  /**
   * Adds {@code listener}; returns a handle whose {@code close()} removes it again.
   *
   * @param listener told of every raise and clear, after the change, on the changing thread
   * @return a registration whose {@code close()} removes the listener
   */
  public Registration addListener(NotificationListener listener) {
    return listeners.add(listener);
  }
}
