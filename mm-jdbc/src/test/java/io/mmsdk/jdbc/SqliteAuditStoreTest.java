package io.mmsdk.jdbc;

import io.mmsdk.admin.audit.AuditStore;
import io.mmsdk.admin.audit.AuditStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link AuditStoreContract} for {@link JdbcStores#audit} on the embedded SQLite database. */
class SqliteAuditStoreTest extends AuditStoreContract {
  @TempDir Path dir;

  @AfterEach
  void closeDatabase() {
    TestDatabases.close(dir);
  }

  @Override
  protected AuditStore open() {
    return JdbcStores.audit(TestDatabases.sqlite(dir));
  }

  @Override
  protected void damage(int index) {
    TestDatabases.execute(TestDatabases.sqlite(dir), "UPDATE mm_audit_event SET at_nano = -1 WHERE sequence = " + (index + 1));
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return SqliteDriver.class;
  }

  @Override
  protected boolean sharedAcrossProcesses() {
    return true;
  }

  /** Opens the audit store on the SQLite database in the driver's directory. */
  public static final class SqliteDriver extends Driver {
    private Path dir;

    /** Creates a driver. */
    public SqliteDriver() {}

    @Override
    protected AuditStore openStore(Path d) {
      dir = d;
      return JdbcStores.audit(TestDatabases.sqlite(d));
    }

    @Override
    public void close() {
      super.close();
      TestDatabases.close(dir);
    }
  }
}
