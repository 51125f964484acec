package io.mmsdk.jdbc;

import io.mmsdk.licensing.smart.SmartLicensingStore;
import io.mmsdk.licensing.smart.SmartLicensingStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SmartLicensingStoreContract} for {@link JdbcStores#smartLicensing}, on SQLite and on PostgreSQL. */
class JdbcSmartLicensingStoreTest {
  private static final String SCOPE = "deployment-1";

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

  abstract static class OnBackend extends SmartLicensingStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected SmartLicensingStore open() {
      return JdbcStores.smartLicensing(db.database(), SCOPE);
    }

    @Override
    protected void damage() {
      db.execute("UPDATE mm_smart_licensing SET registration = 'MAYBE'");
    }

    @Override
    protected Class<? extends SmartLicensingStoreContract.Driver> processDriver() {
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
  public static final class DatabaseDriver extends SmartLicensingStoreContract.Driver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected SmartLicensingStore openStore(Path d) {
      dir = d;
      return JdbcStores.smartLicensing(Backend.ofThisJvm().database(d), SCOPE);
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
