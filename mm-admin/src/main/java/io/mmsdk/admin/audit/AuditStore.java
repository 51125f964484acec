package io.mmsdk.admin.audit;

import io.mmsdk.common.store.DamagedRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the {@link AuditTrail} keeps its events. {@link #append} must be durable before it
 * returns. Events are never changed or removed, except by {@link #replaceAll} during a restore.
 */
public interface AuditStore extends AutoCloseable {
  /** {@return every stored event in sequence order} */
  List<AuditEvent> load();

  /**
   * Appends {@code event} durably.
   *
   * @param event the event to append; not null
   */
  void append(AuditEvent event);

  /**
   * Replaces the whole trail (restore only).
   *
   * @param events the restored trail, oldest first
   */
  void replaceAll(List<AuditEvent> events);

  /**
   * {@return the damaged records the last {@link #load} skipped (each also logged as a warning), or
   * an empty list} Stores that cannot detect damage return an empty list.
   */
  default List<DamagedRecord> damagedRecords() {
    return List.of();
  }

  /**
   * Releases the store's lock and files, so that another instance may open it; idempotent. The
   * default does nothing, for stores that hold neither.
   */
  @Override
  default void close() {}

  /**
   * {@return a store that appends one checksummed line per event to {@code file}, fsynced on every
   * append, owner-only on POSIX file systems} A damaged line in the middle is reported and skipped
   * on load (see {@link #damagedRecords()}); every intact line after it is kept.
   *
   * <p>The store locks {@code <file>.lock} until {@link #close()}: a second opener, in this or
   * another process, gets a {@link io.mmsdk.common.store.StoreLockedException} naming the holder.
   *
   * @param file the trail file, created if missing
   */
  static AuditStore file(Path file) {
    return new FileAuditStore(file);
  }

  /** {@return a store that keeps nothing between runs} */
  static AuditStore inMemory() {
    return new AuditStore() {
      private final List<AuditEvent> events = new java.util.ArrayList<>();

      @Override
      public synchronized List<AuditEvent> load() {
        return List.copyOf(events);
      }

      @Override
      public synchronized void append(AuditEvent event) {
        events.add(event);
      }

      @Override
      public synchronized void replaceAll(List<AuditEvent> all) {
        events.clear();
        events.addAll(all);
      }
    };
  }
}
