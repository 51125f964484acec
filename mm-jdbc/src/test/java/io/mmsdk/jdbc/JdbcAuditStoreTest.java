package io.mmsdk.jdbc;

import io.mmsdk.admin.audit.AuditStore;
import io.mmsdk.admin.audit.AuditStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AuditStoreContract} for {@link JdbcStores#audit}, on SQLite and on PostgreSQL. */
class JdbcAuditStoreTest {
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

  abstract static class OnBackend extends AuditStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected AuditStore open() {
      return JdbcStores.audit(db.database());
    }

    @Override
    protected void damage(int index) {
      db.execute("UPDATE mm_audit_event SET at_nano = -1 WHERE sequence = " + (index + 1));
    }

    @Override
    protected Class<? extends AuditStoreContract.Driver> processDriver() {
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
  public static final class DatabaseDriver extends AuditStoreContract.Driver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected AuditStore openStore(Path d) {
      dir = d;
      return JdbcStores.audit(Backend.ofThisJvm().database(d));
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
