package io.mmsdk.cdr;

import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.common.time.Scheduler;
import java.nio.file.Path;

/** {@link StoreProcessContract} for {@link CdrJournal}: exclusive to one process. */
public class CdrJournalProcessTest extends StoreProcessContract {
  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  /** Opens a journal in the directory. */
  public static final class Driver extends CdrStoreDriver {
    /** Creates a driver. */
    public Driver() {}

    @Override
    protected CdrStore openStore(Path dir, Scheduler scheduler) {
      return CdrJournal.builder(dir).scheduler(scheduler).build();
    }
  }
}
