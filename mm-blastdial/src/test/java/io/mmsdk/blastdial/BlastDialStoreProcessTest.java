package io.mmsdk.blastdial;

import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@link StoreProcessContract} for {@link FileBlastDialStore}: record i is the setup of space s{@code i}. */
public class BlastDialStoreProcessTest extends StoreProcessContract {
  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  /** Saves one space setup per write. */
  public static final class Driver implements StoreDriver {
    private BlastDialStore store;

    /** Creates a driver. */
    public Driver() {}

    @Override
    public void open(Path dir) {
      store = FileBlastDialStore.open(dir);
    }

    @Override
    public void write(int i) {
      store.saveSpace(new SpaceSetup(SpaceKey.of("cluster", "s" + i), BlastDialConfig.disabled(),
          List.of(new Contact("c" + i, "Contact " + i, "u" + i + "@example.com", false))));
    }

    @Override
    public Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (int i = 0; i <= upTo; i++) {
        if (store.findSpace(SpaceKey.of("cluster", "s" + i)).isPresent()) {
          out.add(i);
        }
      }
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
