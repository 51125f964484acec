package io.mmsdk.core.cluster;

import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@link StoreProcessContract} for {@link ClusterStore#file}: record i is cluster {@code c<i>}. */
public class ClusterStoreProcessTest extends StoreProcessContract {
  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  /** Saves one more cluster per write. */
  public static final class Driver implements StoreDriver {
    private final List<Cluster> clusters = new ArrayList<>();
    private ClusterStore store;

    /** Creates a driver. */
    public Driver() {}

    @Override
    public void open(Path dir) {
      store = ClusterStore.file(dir.resolve("clusters.properties"));
    }

    @Override
    public void write(int i) {
      // After a crash the store may hold records past the last acknowledged one; replace them.
      clusters.removeIf(c -> c.id().equals("c" + i));
      clusters.add(Cluster.builder().id("c" + i).name("Cluster " + i).build());
      store.save(clusters);
    }

    @Override
    public Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      List<Cluster> loaded = store.load();
      for (Cluster c : loaded) {
        int i = Integer.parseInt(c.id().substring(1));
        if (i <= upTo) {
          out.add(i);
        }
      }
      clusters.clear();
      clusters.addAll(loaded);
      return out;
    }

    @Override
    public void close() {
      if (store != null) {
        store.close();
      }
    }
  }
}
