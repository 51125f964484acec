package io.mmsdk.jdbc;

import io.mmsdk.admin.user.UserStore;
import io.mmsdk.admin.user.UserStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link UserStoreContract} for {@link JdbcStores#users}, on SQLite and on PostgreSQL. */
class JdbcUserStoreTest {
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

  abstract static class OnBackend extends UserStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected UserStore open() {
      return JdbcStores.users(db.database(), SCOPE);
    }

    @Override
    protected void damage() {
      db.execute("UPDATE mm_user SET role = 'JANITOR' WHERE role = 'VIDEO_OPERATOR'");
    }

    @Override
    protected Class<? extends UserStoreContract.Driver> processDriver() {
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
  public static final class DatabaseDriver extends UserStoreContract.Driver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected UserStore openStore(Path d) {
      dir = d;
      return JdbcStores.users(Backend.ofThisJvm().database(d), SCOPE);
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
