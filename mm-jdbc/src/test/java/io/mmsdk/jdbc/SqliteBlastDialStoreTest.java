package io.mmsdk.jdbc;

import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.BlastDialStoreContract;
import io.mmsdk.blastdial.SpaceKey;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link BlastDialStoreContract} for {@link JdbcStores#blastDial} on the embedded SQLite database. */
class SqliteBlastDialStoreTest extends BlastDialStoreContract {
  @TempDir Path dir;

  @AfterEach
  void closeDatabase() {
    TestDatabases.close(dir);
  }

  @Override
  protected BlastDialStore open() {
    return JdbcStores.blastDial(TestDatabases.sqlite(dir), "instance-1");
  }

  @Override
  protected void damage(SpaceKey space) {
    TestDatabases.execute(TestDatabases.sqlite(dir), "UPDATE mm_blastdial_space SET retry_delay = 'soon' WHERE space_id = '" + space.spaceId() + "'");
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return SqliteDriver.class;
  }

  @Override
  protected boolean sharedAcrossProcesses() {
    return true;
  }

  /** Opens the blast dial store on the SQLite database in the driver's directory. */
  public static final class SqliteDriver extends Driver {
    private Path dir;

    /** Creates a driver. */
    public SqliteDriver() {}

    @Override
    protected BlastDialStore openStore(Path d) {
      dir = d;
      return JdbcStores.blastDial(TestDatabases.sqlite(d), "instance-1");
    }

    @Override
    public void close() {
      super.close();
      TestDatabases.close(dir);
    }
  }
}
