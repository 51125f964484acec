package io.mmsdk.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.io.TempDir;

/** {@link io.mmsdk.meetings.MeetingHistoryContract} for {@link JdbcMeetingHistory} on SQLite. */
class SqliteMeetingHistoryTest extends JdbcMeetingHistoryContract {
  @TempDir Path dir;

  @Override
  JdbcDatabase database() {
    return JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
  }

  /**
   * Copies the database file and its write-ahead log as they are on disk while the writer still
   * has them open (nothing checkpointed or closed: what a killed process leaves), and opens the copy.
   */
  @Override
  JdbcDatabase afterCrash() throws Exception {
    Path crashed = Files.createDirectories(dir.resolve("crashed"));
    for (String name : new String[] {"mm-sdk.db", "mm-sdk.db-wal"}) {
      if (Files.exists(dir.resolve(name))) {
        Files.copy(dir.resolve(name), crashed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return JdbcDatabase.sqlite(crashed.resolve("mm-sdk.db"));
  }
}
