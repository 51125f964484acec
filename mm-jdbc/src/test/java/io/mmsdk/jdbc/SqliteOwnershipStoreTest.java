package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.provisioning.CmsKind;
import io.mmsdk.provisioning.OwnedObject;
import io.mmsdk.provisioning.OwnershipStore;
import io.mmsdk.provisioning.OwnershipStoreContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OwnershipStoreContract} for {@link JdbcStores#ownership} on the embedded SQLite database. */
class SqliteOwnershipStoreTest extends OwnershipStoreContract {
  @TempDir Path dir;

  @AfterEach
  void closeDatabase() {
    TestDatabases.close(dir);
  }

  @Override
  protected OwnershipStore open() {
    return JdbcStores.ownership(TestDatabases.sqlite(dir), "cluster-1");
  }

  @Override
  protected void damage(String key) {
    TestDatabases.execute(TestDatabases.sqlite(dir), "UPDATE mm_owned_object SET kind = 'SPACESHIP' WHERE object_key = '" + key + "'");
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return SqliteDriver.class;
  }

  @Override
  protected boolean sharedAcrossProcesses() {
    return true;
  }

  @Test
  void scopes_keepTheirOwnObjects() {
    try (OwnershipStore a = JdbcStores.ownership(TestDatabases.sqlite(dir), "cluster-a");
        OwnershipStore b = JdbcStores.ownership(TestDatabases.sqlite(dir), "cluster-b")) {
      OwnedObject o = new OwnedObject("callProfiles:T", CmsKind.CALL_PROFILE, "cp1", null, null);
      a.put(o);
      b.markPending("callProfiles:T", Set.of("x"));
      assertEquals(Map.of("callProfiles:T", o), a.owned());
      assertEquals(Map.of(), b.owned());
      assertEquals(Map.of(), a.pendingCreates());
    }
    assertThrows(IllegalArgumentException.class, () -> JdbcStores.ownership(TestDatabases.sqlite(dir), " "));
  }

  /** Opens the ownership store on the SQLite database in the driver's directory. */
  public static final class SqliteDriver extends Driver {
    private Path dir;

    /** Creates a driver. */
    public SqliteDriver() {}

    @Override
    protected OwnershipStore openStore(Path d) {
      dir = d;
      return JdbcStores.ownership(TestDatabases.sqlite(d), "cluster-1");
    }

    @Override
    public void close() {
      super.close();
      TestDatabases.close(dir);
    }
  }
}
