package io.mmsdk.admin.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@link StoreProcessContract} for {@link AuditStore#file}: record i is the event with sequence i + 1. */
public class AuditStoreProcessTest extends StoreProcessContract {
  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  /** Appends one event per write. */
  public static final class Driver implements StoreDriver {
    private AuditStore store;
    private long lastLoaded;

    /** Creates a driver. */
    public Driver() {}

    @Override
    public void open(Path dir) {
      store = AuditStore.file(dir.resolve("audit.log"));
    }

    @Override
    public void write(int i) {
      if (i + 1 <= lastLoaded) {
        return; // the crashed child stored it after its last acknowledgement
      }
      store.append(new AuditEvent(i + 1, Instant.EPOCH.plusSeconds(i), "alice", "user.update", "u" + i, "change " + i));
    }

    @Override
    public Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      for (AuditEvent e : store.load()) {
        lastLoaded = Math.max(lastLoaded, e.sequence());
        if (e.sequence() - 1 <= upTo) {
          out.add((int) e.sequence() - 1);
        }
      }
      assertEquals(List.of(), store.damagedRecords(), "a crash must leave no damaged record, only a torn tail");
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
