package io.mmsdk.core.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the {@link ClusterRegistry} keeps its clusters between restarts. Implementations must make
 * {@link #save} durable before returning (a saved registry survives a crash) and must be safe for
 * one registry to call from several threads (the registry serializes its own calls).
 */
public interface ClusterStore extends AutoCloseable {

  /** {@return the clusters last saved, or an empty list when nothing was ever saved} */
  List<Cluster> load();

  /**
   * Replaces the stored clusters with {@code clusters}, durably.
   *
   * @param clusters every registered cluster
   */
  void save(List<Cluster> clusters);

  /**
   * Releases the store's lock and files, so that another instance may open it; idempotent. The
   * default does nothing, for stores that hold neither.
   */
  @Override
  default void close() {}

  /**
   * {@return a store that keeps the registry in {@code file} (created on first save), replaced
   * atomically on every save} The file holds API passwords: it is created readable by its owner
   * only
   * on POSIX file systems; protect the directory accordingly.
   *
   * <p>The store locks {@code <file>.lock} until {@link #close()}: a second opener, in this or
   * another process, gets a {@link io.mmsdk.common.store.StoreLockedException} naming the holder.
   *
   * @param file the registry file
   */
  static ClusterStore file(Path file) {
    return new FileClusterStore(file);
  }

  /** {@return a store that keeps nothing between runs (for tests and demos)} */
  static ClusterStore inMemory() {
    return new ClusterStore() {
      private volatile List<Cluster> saved = List.of();

      @Override
      public List<Cluster> load() {
        return saved;
      }

      @Override
      public void save(List<Cluster> clusters) {
        saved = List.copyOf(clusters);
      }
    };
  }
}
