package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingPage;
import io.mmsdk.meetings.MeetingQuery;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.meetings.Records;
import io.mmsdk.meetings.SpaceTags;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the meeting history sample of docs/storage.md on SQLite. */
class MeetingHistoryDocsExampleTest {
  @TempDir Path dir;

  @Test
  void sample_recorderFeedsHistory_addressAndWeekQuery() throws Exception {
    Instant lastMonday = Instant.parse("2026-03-02T00:00:00Z");
    Instant thisMonday = Instant.parse("2026-03-09T00:00:00Z");
    SpaceTags spaceTags = (cluster, space) -> Set.of("team");
    try (MeetingTracker tracker = MeetingTracker.builder().listenerExecutor(Runnable::run).build();
        JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"))) {
      // The sample.
      JdbcMeetingHistory history = JdbcStores.meetingHistory(db, spaceTags);
      MeetingHistoryRecorder recorder = MeetingHistoryRecorder.builder(tracker, history)
          .includeRunning(true)
          .start();
      Records cdr = new Records(tracker, "london");
      cdr.meeting("c1", "s1", lastMonday.plusSeconds(3600), lastMonday.plusSeconds(7200),
          "sip:alice@example.com");
      cdr.meeting("c2", "s2", thisMonday.plusSeconds(3600), null, "alice@example.com");
      assertTrue(recorder.awaitWritten(Duration.ofSeconds(60)), recorder.toString());
      MeetingPage page = history.find(MeetingQuery.builder().participantAddress("alice@example.com")
          .from(lastMonday).to(thisMonday).build());
      recorder.close();
      history.close();
      assertEquals("c1", page.meetings().get(0).id());
      assertEquals(1, page.meetings().size());
      assertEquals(Meeting.State.ENDED, page.meetings().get(0).state());
    }
  }
}
