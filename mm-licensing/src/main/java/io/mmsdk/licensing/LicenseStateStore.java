package io.mmsdk.licensing;

import java.nio.file.Path;

/**
 * Keeps the {@link LicenseState} across restarts. Implementations are thread-safe; {@link
 * #file(Path)} returns the embedded default.
 */
public interface LicenseStateStore {

  /** {@return the saved state, or {@link LicenseState#INITIAL} if none was saved} */
  LicenseState load();

  /**
   * Saves {@code state}; durable when this returns.
   *
   * @throws LicenseStoreException if it cannot be written
   */
  void save(LicenseState state);

  /**
   * {@return the embedded store keeping {@code license-state.properties} in {@code directory},
   * written to a temp file, fsynced and renamed atomically, so a crash leaves either the old or the
   * new state}
   */
  static LicenseStateStore file(Path directory) {
    return new FileLicenseStateStore(directory);
  }
}
