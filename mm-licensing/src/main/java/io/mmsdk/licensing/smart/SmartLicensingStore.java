package io.mmsdk.licensing.smart;

import java.nio.file.Path;

/**
 * Keeps the {@link SmartLicensingStatus} across restarts. Implementations are thread-safe.
 */
public interface SmartLicensingStore extends AutoCloseable {

  /** {@return the saved status, or {@link SmartLicensingStatus#UNREGISTERED} if none was saved} */
  SmartLicensingStatus load();

  /**
   * Saves {@code status}; durable when this returns.
   *
   * @param status the status to keep; not null
   */
  void save(SmartLicensingStatus status);

  /**
   * Releases the store's lock and files, so that another instance may open it; idempotent. The
   * default does nothing, for stores that hold neither.
   */
  @Override
  default void close() {}

  /**
   * {@return the embedded store keeping {@code smart-licensing.properties} in {@code directory},
   * written to a temp file, fsynced and renamed atomically} The store locks {@code
   * smart-licensing.properties.lock} until {@link #close()}: a second opener, in this or another
   * process, gets a {@link io.mmsdk.common.store.StoreLockedException} naming the holder.
   *
   * @param directory the store's directory, created if missing
   */
  static SmartLicensingStore file(Path directory) {
    return new FileSmartLicensingStore(directory);
  }

  /** {@return a store that keeps the status in memory only (lost on restart)} */
  static SmartLicensingStore inMemory() {
    return new SmartLicensingStore() {
      private SmartLicensingStatus status = SmartLicensingStatus.UNREGISTERED;

      @Override
      public synchronized SmartLicensingStatus load() {
        return status;
      }

      @Override
      public synchronized void save(SmartLicensingStatus s) {
        status = java.util.Objects.requireNonNull(s, "status == null");
      }
    };
  }
}
