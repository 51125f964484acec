package io.mmsdk.core.cluster;

import io.mmsdk.core.internal.Props;
import io.mmsdk.common.store.AtomicFiles;
import io.mmsdk.common.store.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The file-backed {@link ClusterStore}: one sorted key=value file, replaced atomically, guarded by
 * a {@link StoreLock} on {@code <file>.lock} from construction to {@link #close()}.
 */
final class FileClusterStore implements ClusterStore {
  private final Path file;
  private final StoreLock lock;

  FileClusterStore(Path file) {
    this.file = Objects.requireNonNull(file, "file == null");
    this.lock = StoreLock.acquire(file.resolveSibling(file.getFileName() + ".lock"));
  }

  @Override
  public synchronized List<Cluster> load() {
    lock.ensureHeld();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw Props.readFailure(file, e);
    }
    try {
      return ClusterCodec.decode(Props.parse(bytes));
    } catch (IllegalArgumentException e) {
      throw new ClusterException("Cluster registry file " + file + " is damaged: " + e.getMessage()
          + ". Restore it from a backup or remove it to start empty.", e);
    }
  }

  @Override
  public synchronized void save(List<Cluster> clusters) {
    lock.ensureHeld();
    AtomicFiles.write(file, ClusterCodec.encode(clusters));
  }

  @Override
  public synchronized void close() {
    lock.close();
  }

}
