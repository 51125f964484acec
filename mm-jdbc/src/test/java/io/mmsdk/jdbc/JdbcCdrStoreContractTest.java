package io.mmsdk.jdbc;

import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.CdrStoreContract;
import io.mmsdk.cdr.CdrStoreDriver;
import io.mmsdk.common.store.StoreDriver;
import io.mmsdk.common.store.StoreProcessContract;
import io.mmsdk.common.time.Scheduler;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link CdrStoreContract} and {@link StoreProcessContract} for {@link JdbcCdrStore}, on SQLite and
 * on PostgreSQL; the child JVMs of the process cases share the parent's database.
 */
class JdbcCdrStoreContractTest {
  @Nested
  class OnSqlite extends OnBackend {
    OnSqlite() {
      super(Backend.SQLITE);
    }
  }

  @Nested
  class OnPostgresql extends OnBackend {
    OnPostgresql() {
      super(Backend.POSTGRESQL);
    }
  }

  @Nested
  class ProcessesOnSqlite extends ProcessesOnBackend {
    ProcessesOnSqlite() {
      super(Backend.SQLITE);
    }
  }

  @Nested
  class ProcessesOnPostgresql extends ProcessesOnBackend {
    ProcessesOnPostgresql() {
      super(Backend.POSTGRESQL);
    }
  }

  abstract static class OnBackend extends CdrStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected CdrStore open() {
      return JdbcCdrStore.builder(db.database()).scheduler(clock).build();
    }

    @Override
    protected boolean deduplicates() {
      return true;
    }

    @Override
    protected void damage(int n) throws Exception {
      StoreDatabases.damageBatch(db.database(), n);
    }
  }

  abstract static class ProcessesOnBackend extends StoreProcessContract {
    @RegisterExtension final StoreDatabase db;

    ProcessesOnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected Class<? extends StoreDriver> driver() {
      return DatabaseDriver.class;
    }

    @Override
    protected boolean sharedAcrossProcesses() {
      return true;
    }

    @Override
    protected List<String> childJvmArguments() {
      return db.childJvmArguments();
    }
  }

  /** Opens the CDR store on the database of the driver's directory, on the parent test's backend. */
  public static final class DatabaseDriver extends CdrStoreDriver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected CdrStore openStore(Path d, Scheduler scheduler) {
      dir = d;
      return JdbcCdrStore.builder(Backend.ofThisJvm().database(d)).scheduler(scheduler).build();
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
