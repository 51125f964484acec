package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.meetings.MeetingHistory;
import io.mmsdk.meetings.MeetingHistoryContract;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.meetings.SpaceTags;
import java.time.Duration;

/**
 * {@link MeetingHistoryContract} for {@link JdbcMeetingHistory}, fed by a {@link
 * MeetingHistoryRecorder} that writes running meetings too (the contract queries both), on the
 * database a subclass opens.
 */
abstract class JdbcMeetingHistoryContract extends MeetingHistoryContract {
  private final StoreDatabases databases = new StoreDatabases();
  private MeetingHistoryRecorder recorder;
  private SpaceTags openedWith;

  /** {@return a new handle on this test's database} */
  abstract JdbcDatabase database();

  /** {@return a new handle on what a crash of the writing process leaves of this test's database} */
  abstract JdbcDatabase afterCrash() throws Exception;

  @Override
  protected MeetingHistory open(MeetingTracker tracker, SpaceTags spaceTags) {
    openedWith = spaceTags;
    JdbcMeetingHistory history = history(databases.open(this::database));
    recorder = MeetingHistoryRecorder.builder(tracker, history).includeRunning(true).start();
    return history;
  }

  private JdbcMeetingHistory history(JdbcDatabase db) {
    return openedWith == null ? JdbcStores.meetingHistory(db)
        : JdbcStores.meetingHistory(db, openedWith);
  }

  @Override
  protected void awaitWritten() throws InterruptedException {
    assertTrue(recorder.awaitWritten(Duration.ofSeconds(60)), recorder.toString());
  }

  @Override
  protected MeetingHistory crashAndReopen() throws Exception {
    JdbcDatabase crashed = afterCrash();
    return history(databases.open(() -> crashed));
  }

  @Override
  protected void closeHistory() throws InterruptedException {
    if (recorder != null) {
      recorder.close();
    }
    databases.close();
  }
}
