package io.mmsdk.licensing;

import java.nio.file.Path;

/**
 * Keeps the {@link LicenseState} across restarts. Implementations are thread-safe; {@link
 * #file(Path)} returns the embedded default.
 */
public interface LicenseStateStore extends AutoCloseable {

  /** {@return the saved state, or {@link LicenseState#INITIAL} if none was saved} */
  LicenseState load();

  /**
   * Saves {@code state}; durable when this returns.
   *
   * @param state the mode, allocations, trials and enforcement times to keep; not null
   * @throws LicenseStoreException if it cannot be written
   */
  void save(LicenseState state);

  /**
   * Releases the store's lock and files, so that another instance may open it; idempotent. The
   * default does nothing, for stores that hold neither.
   */
  @Override
  default void close() {}

  /**
   * {@return the embedded store keeping {@code license-state.properties} in {@code directory},
   * written to a temp file, fsynced and renamed atomically, so a crash leaves either the old or the
   * new state} The store locks {@code license-state.properties.lock} until {@link #close()}: a
   * second opener, in this or another process, gets a {@link
   * io.mmsdk.common.store.StoreLockedException} naming the holder.
   *
   * @param directory the store's directory, created if missing
   */
  static LicenseStateStore file(Path directory) {
    return new FileLicenseStateStore(directory);
  }
}
