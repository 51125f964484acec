package io.mmsdk.licensing;

import io.mmsdk.common.store.DamagedRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps host-reported usage samples for at least the 90-day compliance window. Implementations are
 * thread-safe. {@link #file(Path)} returns the embedded, crash-safe default.
 */
public interface UsageStore extends AutoCloseable {

  /**
   * Adds {@code samples}, ignoring any whose host and time are already stored. When this returns,
   * the added samples are durable: they survive a crash or restart.
   *
   * @param samples the snapshots to add, any hosts, any order; not null
   * @return how many samples were new
   * @throws LicenseStoreException if the samples could not be written
   */
  int append(Collection<UsageSample> samples);

  /**
   * {@return the samples with {@code from <= time < to}, oldest first}
   *
   * @param from the earliest time included
   * @param to the first time excluded
   */
  List<UsageSample> samples(Instant from, Instant to);

  /**
   * {@return the time of the newest sample of {@code hostId}, if the store holds any}
   *
   * @param hostId the Call Bridge host id
   */
  Optional<Instant> findLatest(String hostId);

  /**
   * Removes samples older than {@code before}, durably.
   *
   * @param before the oldest time kept
   * @return how many samples were removed
   */
  int prune(Instant before);

  /** {@return how many samples are stored} */
  int size();

  /**
   * {@return the damaged records skipped when the store opened (each also logged as a warning), or
   * an empty list} Stores that cannot detect damage return an empty list.
   */
  default List<DamagedRecord> damagedRecords() {
    return List.of();
  }

  /** Releases files and the store's lock; idempotent. */
  @Override
  void close();

  /**
   * Opens (creating if needed) the embedded file-backed store in {@code directory}: an append-only
   * log with a checksum per record, fsynced on every append, owner-only on POSIX file systems. A
   * torn tail left by a crash is cut off on open; every sample whose {@link #append} returned is
   * kept. A damaged record in the middle of the log is logged, reported by {@link
   * #damagedRecords()} and skipped, and every intact record after it is kept.
   *
   * <p>The store locks {@code usage.log.lock} in {@code directory} until {@link #close()}: a second
   * opener, in this or another process, gets a {@link io.mmsdk.common.store.StoreLockedException}
   * naming the holder.
   *
   * @param directory the store's directory, created if missing
   * @return the open store; close it to release its lock
   * @throws LicenseStoreException if the directory cannot be used
   */
  static UsageStore file(Path directory) {
    return FileUsageStore.open(directory);
  }
}
