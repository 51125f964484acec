package io.mmsdk.jdbc;

import io.mmsdk.licensing.UsageStore;
import io.mmsdk.licensing.UsageStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link UsageStoreContract} for {@link JdbcStores#usage}, on SQLite and on PostgreSQL. */
class JdbcUsageStoreTest {
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

  abstract static class OnBackend extends UsageStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected UsageStore open() {
      return JdbcStores.usage(db.database());
    }

    @Override
    protected void damage(int index) {
      db.execute("UPDATE mm_usage_sample SET nano = -1 WHERE epoch_second = (SELECT"
          + " epoch_second FROM mm_usage_sample ORDER BY epoch_second LIMIT 1 OFFSET " + index + ")");
    }

    @Override
    protected Class<? extends UsageStoreContract.Driver> processDriver() {
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

  /** Opens the store on the database of the driver's directory, on the parent test's backend. */
  public static final class DatabaseDriver extends UsageStoreContract.Driver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected UsageStore openStore(Path d) {
      dir = d;
      return JdbcStores.usage(Backend.ofThisJvm().database(d));
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
