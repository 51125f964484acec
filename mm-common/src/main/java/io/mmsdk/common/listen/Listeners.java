package io.mmsdk.common.listen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The listeners of one source of events: a thread-safe, copy-on-write list. {@link #add} returns a
 * {@link Registration} whose {@code close()} removes exactly that addition; {@link #snapshot()} is
 * an immutable list to iterate while others add and remove; {@link #callEach} calls every listener
 * of the current snapshot, logging and skipping one that throws. No lock is held while a listener
 * runs: adding and removing take a short lock of their own to copy the list, and readers take none.
 *
 * <p>A listener added twice is called twice; each of its registrations removes one of the two.
 *
 * @param <L> the listener type
 */
public final class Listeners<L> {
  private final String kind;
  private final Logger log;
  private final Object writeLock = new Object();
  private volatile List<L> snapshot = List.of();

  /**
   * Creates an empty list of listeners.
   *
   * @param kind what the listeners are, for the log, e.g. {@code "Notification"} ("Notification
   *     listener X failed on ..."); not null
   * @param log where {@link #callEach} logs a listener's failure; not null
   */
  public Listeners(String kind, Logger log) {
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.log = Objects.requireNonNull(log, "log == null");
  }

  /**
   * Adds {@code listener} at the end; it is in every snapshot taken after this returns.
   *
   * @param listener the listener; not null
   * @return a registration whose {@code close()} removes this addition of the listener
   * @throws NullPointerException if {@code listener} is null
   */
  public Registration add(L listener) {
    Objects.requireNonNull(listener, "listener == null");
    synchronized (writeLock) {
      List<L> next = new ArrayList<>(snapshot.size() + 1);
      next.addAll(snapshot);
      next.add(listener);
      snapshot = Collections.unmodifiableList(next);
    }
    AtomicBoolean open = new AtomicBoolean(true);
    return () -> {
      if (open.compareAndSet(true, false)) {
        remove(listener);
      }
    };
  }

  private void remove(L listener) {
    synchronized (writeLock) {
      List<L> current = snapshot;
      for (int i = 0; i < current.size(); i++) {
        if (current.get(i) == listener) {
          List<L> next = new ArrayList<>(current);
          next.remove(i);
          snapshot = next.isEmpty() ? List.of() : Collections.unmodifiableList(next);
          return;
        }
      }
    }
  }

  /**
   * {@return the listeners now registered, in the order they were added} The list is immutable and
   * does not change when listeners are added or removed later; iterating it takes no lock.
   */
  public List<L> snapshot() {
    return snapshot;
  }

  /** {@return whether no listener is registered} */
  public boolean isEmpty() {
    return snapshot.isEmpty();
  }

  /**
   * Calls {@code call} with each listener of the current {@link #snapshot()}, in order, on this
   * thread. A listener that throws a {@link RuntimeException} is logged at WARN with {@code about}
   * and skipped; the others are still called. An {@link Error} propagates. The caller should hold
   * no lock of its own, since the listeners are user code.
   *
   * @param call what to do with one listener, e.g. {@code l -> l.raised(n)}; not null
   * @param about what the listeners are being told, for the log (e.g. an event's key or number);
   *     its {@code toString()} is called only when a listener fails
   */
  public void callEach(Consumer<? super L> call, Object about) {
    for (L l : snapshot) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        log.warn("{} listener {} failed on {}; continuing with the next listener", kind, l, about,
            e);
      }
    }
  }
}
