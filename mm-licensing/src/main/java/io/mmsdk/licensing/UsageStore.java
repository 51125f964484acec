package io.mmsdk.licensing;

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
   * @return how many samples were new
   * @throws LicenseStoreException if the samples could not be written
   */
  int append(Collection<UsageSample> samples);

  /** {@return the samples with {@code from <= time < to}, oldest first} */
  List<UsageSample> samples(Instant from, Instant to);

  /** {@return the time of the newest sample of {@code hostId}, if the store holds any} */
  Optional<Instant> findLatest(String hostId);

  /**
   * Removes samples older than {@code before}, durably.
   *
   * @return how many samples were removed
   */
  int prune(Instant before);

  /** {@return how many samples are stored} */
  int size();

  /** Releases files; idempotent. */
  @Override
  void close();

  /**
   * Opens (creating if needed) the embedded file-backed store in {@code directory}: an append-only
   * log with a checksum per record, fsynced on every append. A torn tail left by a crash is cut off
   * on open; every sample whose {@link #append} returned is kept.
   *
   * @throws LicenseStoreException if the directory cannot be used
   */
  static UsageStore file(Path directory) {
    return FileUsageStore.open(directory);
  }
}
