package io.mmsdk.jdbc;

import io.mmsdk.core.cluster.ClusterStore;
import io.mmsdk.core.cluster.ClusterStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ClusterStoreContract} for {@link JdbcStores#clusters}, on SQLite and on PostgreSQL. */
class JdbcClusterStoreTest {
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

  abstract static class OnBackend extends ClusterStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected ClusterStore open() {
      return JdbcStores.clusters(db.database(), SCOPE);
    }

    @Override
    protected void damage() {
      db.execute("UPDATE mm_cluster SET manage_meetings = 7");
    }

    @Override
    protected Class<? extends ClusterStoreContract.Driver> processDriver() {
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
  public static final class DatabaseDriver extends ClusterStoreContract.Driver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected ClusterStore openStore(Path d) {
      dir = d;
      return JdbcStores.clusters(Backend.ofThisJvm().database(d), SCOPE);
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
