package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.provisioning.CmsKind;
import io.mmsdk.provisioning.OwnedObject;
import io.mmsdk.provisioning.OwnershipStore;
import io.mmsdk.provisioning.OwnershipStoreContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OwnershipStoreContract} for {@link JdbcStores#ownership}, on SQLite and on PostgreSQL. */
class JdbcOwnershipStoreTest {
  private static final String SCOPE = "cluster-1";

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

  abstract static class OnBackend extends OwnershipStoreContract {
    @RegisterExtension final StoreDatabase db;

    OnBackend(Backend backend) {
      db = new StoreDatabase(backend);
    }

    @Override
    protected OwnershipStore open() {
      return JdbcStores.ownership(db.database(), SCOPE);
    }

    @Override
    protected void damage(String key) {
      db.execute("UPDATE mm_owned_object SET kind = 'SPACESHIP' WHERE object_key = '" + key + "'");
    }

    @Override
    protected Class<? extends OwnershipStoreContract.Driver> processDriver() {
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

    @Test
    void scopes_keepTheirOwnObjects() {
      try (OwnershipStore a = JdbcStores.ownership(db.database(), "cluster-a");
          OwnershipStore b = JdbcStores.ownership(db.database(), "cluster-b")) {
        OwnedObject o = new OwnedObject("callProfiles:T", CmsKind.CALL_PROFILE, "cp1", null, null);
        a.put(o);
        b.markPending("callProfiles:T", Set.of("x"));
        assertEquals(Map.of("callProfiles:T", o), a.owned());
        assertEquals(Map.of(), b.owned());
        assertEquals(Map.of(), a.pendingCreates());
      }
      assertThrows(IllegalArgumentException.class, () -> JdbcStores.ownership(db.database(), " "));
    }
  }

  /** Opens the store on the database of the driver's directory, on the parent test's backend. */
  public static final class DatabaseDriver extends OwnershipStoreContract.Driver {
    private Path dir;

    /** Creates a driver. */
    public DatabaseDriver() {}

    @Override
    protected OwnershipStore openStore(Path d) {
      dir = d;
      return JdbcStores.ownership(Backend.ofThisJvm().database(d), SCOPE);
    }

    @Override
    public void close() {
      super.close();
      StoreDatabases.close(dir);
    }
  }
}
