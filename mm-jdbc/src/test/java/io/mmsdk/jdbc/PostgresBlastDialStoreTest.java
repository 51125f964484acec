package io.mmsdk.jdbc;

import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.BlastDialStoreContract;
import io.mmsdk.blastdial.SpaceKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@link BlastDialStoreContract} for {@link JdbcStores#blastDial} on PostgreSQL. */
class PostgresBlastDialStoreTest extends BlastDialStoreContract {
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
  protected BlastDialStore open() {
    return JdbcStores.blastDial(TestDatabases.postgres(dir), "instance-1");
  }

  @Override
  protected void damage(SpaceKey space) {
    TestDatabases.execute(TestDatabases.postgres(dir), "UPDATE mm_blastdial_space SET retry_delay = 'soon' WHERE space_id = '" + space.spaceId() + "'");
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

  /** Opens the blast dial store on the PostgreSQL schema of the driver's directory. */
  public static final class PostgresDriver extends Driver {
    private Path dir;

    /** Creates a driver. */
    public PostgresDriver() {}

    @Override
    protected BlastDialStore openStore(Path d) {
      dir = d;
      return JdbcStores.blastDial(TestDatabases.postgres(d), "instance-1");
    }

    @Override
    public void close() {
      super.close();
      TestDatabases.close(dir);
    }
  }
}
