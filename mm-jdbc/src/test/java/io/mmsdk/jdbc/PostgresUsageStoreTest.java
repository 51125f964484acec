package io.mmsdk.jdbc;

import io.mmsdk.licensing.UsageStore;
import io.mmsdk.licensing.UsageStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link UsageStoreContract} for {@link JdbcStores#usage} on PostgreSQL. */
class PostgresUsageStoreTest extends UsageStoreContract {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  @TempDir Path dir;

  @BeforeAll
  static void serverUrl() {
    System.setProperty(TestDatabases.POSTGRES_URL, PG.jdbcUrl());
  }

  @AfterEach
  void closeDatabase() {
    TestDatabases.close(dir);
  }

  @Override
  protected UsageStore open() {
    return JdbcStores.usage(TestDatabases.postgres(dir));
  }

  @Override
  protected void damage(int index) {
    UsageRows.damage(TestDatabases.postgres(dir), index);
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return PostgresDriver.class;
  }

  @Override
  protected boolean sharedAcrossProcesses() {
    return true;
  }

  @Override
  protected List<String> childJvmArguments() {
    return List.of("-D" + TestDatabases.POSTGRES_URL + "=" + PG.jdbcUrl());
  }

  /** Opens the usage store on the PostgreSQL schema of the driver's directory. */
  public static final class PostgresDriver extends Driver {
    private Path dir;

    /** Creates a driver. */
    public PostgresDriver() {}

    @Override
    protected UsageStore openStore(Path d) {
      dir = d;
      return JdbcStores.usage(TestDatabases.postgres(d));
    }

    @Override
    public void close() {
      super.close();
      TestDatabases.close(dir);
    }
  }
}
