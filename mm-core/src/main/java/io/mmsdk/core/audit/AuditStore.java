package io.mmsdk.core.audit;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the {@link AuditTrail} keeps its events. {@link #append} must be durable before it
 * returns. Events are never changed or removed, except by {@link #replaceAll} during a restore.
 */
public interface AuditStore {
  /** {@return every stored event in sequence order} */
  List<AuditEvent> load();

  /** Appends {@code event} durably. */
  void append(AuditEvent event);

  /** Replaces the whole trail (restore only). */
  void replaceAll(List<AuditEvent> events);

  /** {@return a store that appends one line per event to {@code file}, fsynced on every append} */
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
