package io.mmsdk.jdbc;

import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.BlastDialTestkitTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/**
 * Blast dial's end-to-end suite against the simulated cluster with every instance's store on one
 * SQLite database, each instance through its own database handle (as separate processes would
 * have) and its own scope: Primary and Secondary keep their roles across processes and dial each
 * contact once; a restarted instance resumes its dials from the database.
 */
class SharedDatabaseBlastDialTest extends BlastDialTestkitTest {
  private final java.util.List<JdbcDatabase> handles = new java.util.ArrayList<>();

  @Override
  protected BlastDialStore openStore(Path storeDir) {
    JdbcDatabase db = JdbcDatabase.sqlite(storeDir.resolveSibling("shared.db"));
    handles.add(db);
    return JdbcStores.blastDial(db, storeDir.getFileName().toString());
  }

  @AfterEach
  void closeHandles() {
    handles.forEach(JdbcDatabase::close);
  }
}
