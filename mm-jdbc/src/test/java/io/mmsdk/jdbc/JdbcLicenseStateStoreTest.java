package io.mmsdk.jdbc;

import io.mmsdk.licensing.LicenseStateStore;
import io.mmsdk.licensing.LicenseStateStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LicenseStateStoreContract} for {@link JdbcStores#licenseState}, on SQLite and on PostgreSQL. */
class JdbcLicenseStateStoreTest {
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

  abstract static class OnBackend extends LicenseStateStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected LicenseStateStore open() {
      return JdbcStores.licenseState(db.database(), SCOPE);
    }

    @Override
    protected void damage() {
      db.execute("UPDATE mm_license_state SET mode = 'SIDEWAYS'");
    }

    @Override
    protected Class<? extends LicenseStateStoreContract.Driver> processDriver() {
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
  public static final class DatabaseDriver extends LicenseStateStoreContract.Driver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected LicenseStateStore openStore(Path d) {
      dir = d;
      return JdbcStores.licenseState(Backend.ofThisJvm().database(d), SCOPE);
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
