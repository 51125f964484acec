package io.mmsdk.jdbc;

import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.BlastDialStoreContract;
import io.mmsdk.blastdial.SpaceKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BlastDialStoreContract} for {@link JdbcStores#blastDial}, on SQLite and on PostgreSQL. */
class JdbcBlastDialStoreTest {
  private static final String SCOPE = "instance-1";

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

  abstract static class OnBackend extends BlastDialStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected BlastDialStore open() {
      return JdbcStores.blastDial(db.database(), SCOPE);
    }

    @Override
    protected void damage(SpaceKey space) {
      db.execute("UPDATE mm_blastdial_space SET retry_delay = 'soon' WHERE space_id = '"
          + space.spaceId() + "'");
    }

    @Override
    protected Class<? extends BlastDialStoreContract.Driver> processDriver() {
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
  public static final class DatabaseDriver extends BlastDialStoreContract.Driver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected BlastDialStore openStore(Path d) {
      dir = d;
      return JdbcStores.blastDial(Backend.ofThisJvm().database(d), SCOPE);
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
