package io.mmsdk.blastdial;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where blast dial keeps what must survive a restart: monitoring settings, each space's
 * configuration and contacts, and the state of blast dials in progress. {@link #file(Path)} is the
 * embedded default. Implementations must be thread-safe and durable: once a save method
 * returns, the data survives a crash.
 */
public interface BlastDialStore extends AutoCloseable {

  /**
   * Opens (creating if needed) the embedded, file-backed store in {@code directory}: one file per
   * space and per blast dial in progress, each replaced atomically.
   *
   * @param directory the store's directory, created (owner-only) if missing
   * @return the store
   * @throws BlastDialException if the directory cannot be created
   */
  static BlastDialStore file(Path directory) {
    return FileBlastDialStore.open(directory);
  }

  /** {@return the saved monitoring settings, or {@link MonitoringSettings#primary()} if none} */
  MonitoringSettings monitoring();

  /**
   * Saves the monitoring settings.
   *
   * @param settings the settings to keep; not null
   */
  void saveMonitoring(MonitoringSettings settings);

  /**
   * {@return the saved setup of {@code space}, if any}
   *
   * @param space the cluster and coSpace id
   */
  Optional<SpaceSetup> findSpace(SpaceKey space);

  /**
   * Saves (replaces) the setup of one space.
   *
   * @param setup the space's configuration and contacts; not null
   */
  void saveSpace(SpaceSetup setup);

  /**
   * Saves (replaces) the state of a blast dial in progress, keyed by cluster and call id.
   *
   * @param run the run's status, with its contacts' progress; not null
   */
  void saveRun(BlastStatus run);

  /**
   * Forgets a blast dial that is over. Does nothing if it is not stored.
   *
   * @param clusterId the cluster the meeting ran on
   * @param callId the call id of the meeting
   */
  void deleteRun(String clusterId, String callId);

  /** {@return every stored blast dial in progress} */
  List<BlastStatus> runs();

  /**
   * Releases the store's lock and files, so that another instance may open it; idempotent. The
   * default does nothing, for stores that hold neither.
   */
  @Override
  default void close() {}
}
