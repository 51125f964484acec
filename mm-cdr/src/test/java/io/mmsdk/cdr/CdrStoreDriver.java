package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;

import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drives a {@link CdrStore} for {@link StoreProcessContract}: record i is a batch of session {@code
 * s1} holding one callEnd with correlator index i + 1 and call id {@code call-<i>}. Subclasses say
 * how to open the store and need a public no-argument constructor.
 */
public abstract class CdrStoreDriver implements StoreDriver {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final CdrParser parser = CdrParser.create();
  private CdrStore store;

  /** Creates a driver. */
  protected CdrStoreDriver() {}

  /**
   * Opens the store kept in (or named after) {@code dir}.
   *
   * @param dir the store's directory
   * @param scheduler the clock to give the store: it reads the time batches were received at, so
   *     retention keeps them
   * @return the store
   */
  protected abstract CdrStore openStore(Path dir, Scheduler scheduler);

  @Override
  public final void open(Path dir) {
    store = openStore(dir, SimulatedClock.startingAt(T0));
  }

  @Override
  public final void write(int i) {
    byte[] xml = doc("s1", "cb1", callEnd(i + 1L, i + 1L, "call-" + i));
    store.append(ReceivedBatch.of(CdrOrigin.ofCluster("london"), T0, xml, parser.parse(xml)));
  }

  @Override
  public final Set<Integer> present(int upTo) {
    Set<Integer> out = new TreeSet<>();
    store.replay(b -> {
      int i = Integer.parseInt(((CallEnd) b.batch().records().get(0)).callId().substring(5));
      if (i <= upTo) {
        out.add(i);
      }
    });
    return out;
  }

  @Override
  public void close() {
    if (store != null) {
      store.close();
    }
  }
}
