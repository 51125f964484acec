package io.mmsdk.jdbc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link io.mmsdk.meetings.MeetingHistoryContract} for {@link JdbcMeetingHistory} on PostgreSQL, a
 * schema per test.
 */
class PostgresMeetingHistoryTest extends JdbcMeetingHistoryContract {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  private String url;

  @BeforeEach
  void freshSchema() {
    url = PG.newSchemaUrl();
  }

  @Override
  JdbcDatabase database() {
    return JdbcDatabase.builder(url).build();
  }

  /**
   * Opens a new handle as a restarted process would, while the writer's handle and recorder are
   * left as they are, never closed: the server keeps what was committed.
   */
  @Override
  JdbcDatabase afterCrash() {
    return database();
  }
}
