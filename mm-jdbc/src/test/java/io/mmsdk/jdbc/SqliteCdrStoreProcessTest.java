package io.mmsdk.jdbc;

import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.CdrStoreDriver;
import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.common.time.Scheduler;
import java.nio.file.Path;

/** {@link StoreProcessContract} for {@link JdbcCdrStore} on SQLite: processes share the file. */
public class SqliteCdrStoreProcessTest extends StoreProcessContract {
  @Override
  protected Class<? extends StoreDriver> driver() {
    return Driver.class;
  }

  @Override
  protected boolean sharedAcrossProcesses() {
    return true;
  }

  /** Opens {@code <dir>/mm-sdk.db}. */
  public static final class Driver extends CdrStoreDriver {
    private JdbcDatabase db;

    /** Creates a driver. */
    public Driver() {}

    @Override
    protected CdrStore openStore(Path dir, Scheduler scheduler) {
      db = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
      return JdbcCdrStore.builder(db).scheduler(scheduler).build();
    }

    @Override
    public void close() {
      super.close();
      if (db != null) {
        db.close();
      }
    }
  }
}
