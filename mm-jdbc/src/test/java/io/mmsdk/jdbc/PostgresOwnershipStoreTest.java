package io.mmsdk.jdbc;

import io.mmsdk.provisioning.OwnershipStore;
import io.mmsdk.provisioning.OwnershipStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link OwnershipStoreContract} for {@link JdbcStores#ownership} on PostgreSQL. */
class PostgresOwnershipStoreTest extends OwnershipStoreContract {
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
  protected OwnershipStore open() {
    return JdbcStores.ownership(TestDatabases.postgres(dir), "cluster-1");
  }

  @Override
  protected void damage(String key) {
    TestDatabases.execute(TestDatabases.postgres(dir), "UPDATE mm_owned_object SET kind = 'SPACESHIP' WHERE object_key = '" + key + "'");
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

  /** Opens the ownership store on the PostgreSQL schema of the driver's directory. */
  public static final class PostgresDriver extends Driver {
    private Path dir;

    /** Creates a driver. */
    public PostgresDriver() {}

    @Override
    protected OwnershipStore openStore(Path d) {
      dir = d;
      return JdbcStores.ownership(TestDatabases.postgres(d), "cluster-1");
    }

    @Override
    public void close() {
      super.close();
      TestDatabases.close(dir);
    }
  }
}
