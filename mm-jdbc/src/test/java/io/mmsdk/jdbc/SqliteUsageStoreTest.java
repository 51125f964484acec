package io.mmsdk.jdbc;

import io.mmsdk.licensing.UsageStore;
import io.mmsdk.licensing.UsageStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link UsageStoreContract} for {@link JdbcStores#usage} on the embedded SQLite database. */
class SqliteUsageStoreTest extends UsageStoreContract {
  @TempDir Path dir;

  @AfterEach
  void closeDatabase() {
    TestDatabases.close(dir);
  }

  @Override
  protected UsageStore open() {
    return JdbcStores.usage(TestDatabases.sqlite(dir));
  }

  @Override
  protected void damage(int index) {
    UsageRows.damage(TestDatabases.sqlite(dir), index);
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return SqliteDriver.class;
  }

  @Override
  protected boolean sharedAcrossProcesses() {
    return true;
  }

  /** Opens the usage store on the SQLite database in the driver's directory. */
  public static final class SqliteDriver extends Driver {
    private Path dir;

    /** Creates a driver. */
    public SqliteDriver() {}

    @Override
    protected UsageStore openStore(Path d) {
      dir = d;
      return JdbcStores.usage(TestDatabases.sqlite(d));
    }

    @Override
    public void close() {
      super.close();
      TestDatabases.close(dir);
    }
  }
}
