package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;

import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.testkit.SimulatedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** {@link StoreProcessContract} for {@link CdrJournal}: record i is a batch whose call id is {@code call-<i>}. */
public class CdrJournalProcessTest extends StoreProcessContract {
  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  /** Appends one batch per write. */
  public static final class Driver implements StoreDriver {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final CdrParser parser = CdrParser.create();
    private CdrJournal journal;

    /** Creates a driver. */
    public Driver() {}

    @Override
    public void open(Path dir) {
      journal = CdrJournal.builder(dir).scheduler(SimulatedClock.startingAt(T0)).build();
    }

    @Override
    public void write(int i) {
      byte[] xml = doc("s1", "cb1", callEnd(i + 1L, i + 1L, "call-" + i));
      journal.append(ReceivedBatch.of(CdrOrigin.ofCluster("london"), T0, xml, parser.parse(xml)));
    }

    @Override
    public Set<Integer> present(int upTo) {
      Set<Integer> out = new TreeSet<>();
      journal.replay(b -> {
        int i = Integer.parseInt(((CallEnd) b.batch().records().get(0)).callId().substring(5));
        if (i <= upTo) {
          out.add(i);
        }
      });
      return out;
    }

    @Override
    public void close() {
      if (journal != null) {
        journal.close();
      }
    }
  }
}
