package io.mmsdk.core.cluster;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClusterStoreContract} for {@link ClusterStore#file}. */
class FileClusterStoreTest extends ClusterStoreContract {
  @TempDir Path dir;

  @Override
  protected ClusterStore open() {
    return ClusterStore.file(dir.resolve("clusters.properties"));
  }

  @Override
  protected void damage() throws IOException {
    Files.writeString(dir.resolve("clusters.properties"), "version=1\nclusters=1\n");
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return FileDriver.class;
  }

  @Test
  void damage_messageNamesTheMissingKey() throws IOException {
    damage();
    try (ClusterStore store = open()) {
      ClusterException e = assertThrows(ClusterException.class, store::load);
      assertTrue(e.getMessage().contains("cluster.0.id"), e.getMessage());
    }
  }

  /** Opens {@link ClusterStore#file} in a child process. */
  public static final class FileDriver extends Driver {
    /** Creates a driver. */
    public FileDriver() {}

    @Override
    protected ClusterStore openStore(Path d) {
      return ClusterStore.file(d.resolve("clusters.properties"));
    }
  }
}
