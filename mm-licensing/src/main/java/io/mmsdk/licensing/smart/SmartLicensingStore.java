package io.mmsdk.licensing.smart;

import java.nio.file.Path;

/**
 * Keeps the {@link SmartLicensingStatus} across restarts. Implementations are thread-safe.
 */
public interface SmartLicensingStore {

  /** {@return the saved status, or {@link SmartLicensingStatus#UNREGISTERED} if none was saved} */
  SmartLicensingStatus load();

  /** Saves {@code status}; durable when this returns. */
  void save(SmartLicensingStatus status);

  /**
   * {@return the embedded store keeping {@code smart-licensing.properties} in {@code directory},
   * written to a temp file, fsynced and renamed atomically}
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
