package io.mmsdk.provisioning;

import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** {@link StoreProcessContract} for {@link OwnershipStore#file}: record i is owned object {@code k<i>}. */
public class OwnershipStoreProcessTest extends StoreProcessContract {
  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  /** Records one owned object per write. */
  public static final class Driver implements StoreDriver {
    private OwnershipStore store;

    /** Creates a driver. */
    public Driver() {}

    @Override
    public void open(Path dir) {
      store = OwnershipStore.file(dir.resolve("owned.json"));
    }

    @Override
    public void write(int i) {
      store.put(new OwnedObject("k" + i, CmsKind.CALL_PROFILE, "id" + i, null, null));
    }

    @Override
    public Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (String key : store.owned().keySet()) {
        int i = Integer.parseInt(key.substring(1));
        if (i <= upTo) {
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
