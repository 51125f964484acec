package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingPage;
import io.mmsdk.meetings.MeetingQuery;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.meetings.Records;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MeetingHistoryRecorder} on SQLite: what is written when, the hand-off from the tracker's
 * listener, a failing database and the backlog bound, merged meetings.
 */
class MeetingHistoryRecorderTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final SimulatedClock clock = SimulatedClock.startingAt(T0.plus(Duration.ofDays(1)));
  // Listeners run on the feeding thread: a listener that waited for the database would hold it.
  private final MeetingTracker tracker = MeetingTracker.builder().scheduler(clock)
      .listenerExecutor(Runnable::run).build();
  private final Records cdr = new Records(tracker, "london");
  private final StoreDatabases databases = new StoreDatabases();
  @TempDir Path dir;
  private JdbcDatabase db;
  private JdbcMeetingHistory history;
  private MeetingHistoryRecorder recorder;

  private void start(MeetingHistoryRecorder.Builder b) {
    recorder = b.start();
  }

  private MeetingHistoryRecorder.Builder recorder() {
    db = databases.open(() -> JdbcDatabase.sqlite(dir.resolve("mm-sdk.db")));
    history = JdbcStores.meetingHistory(db);
    return MeetingHistoryRecorder.builder(tracker, history);
  }

  @AfterEach
  void close() throws InterruptedException {
    if (recorder != null) {
      recorder.close();
    }
    tracker.close();
    databases.close();
  }

  private List<String> stored() throws InterruptedException {
    assertTrue(recorder.awaitWritten(Duration.ofSeconds(60)), recorder.toString());
    return history.find(MeetingQuery.builder().limit(1000).build()).meetings().stream()
        .map(Meeting::id).toList();
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("still not " + what + " after 60 s");
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void byDefault_onlyEndedMeetings_runningOneWrittenWhenItEnds() throws Exception {
    start(recorder());
    cdr.meeting("ended", "s1", T0, T0.plusSeconds(60), "a@x");
    cdr.meeting("running", "s2", T0.plusSeconds(10), null, "b@x");
    assertEquals(List.of("ended"), stored());
    cdr.callEnd(T0.plusSeconds(600), "running");
    assertEquals(List.of("running", "ended"), stored());
    Meeting m = history.find(MeetingQuery.builder().space("s2").build()).meetings().get(0);
    assertEquals(Meeting.State.ENDED, m.state());
    assertEquals(T0.plusSeconds(600), m.endTime());
  }

  @Test
  void includeRunning_runningMeetingsWrittenAndUpdated() throws Exception {
    start(recorder().includeRunning(true));
    cdr.meeting("running", "s2", T0, null, "b@x");
    assertEquals(List.of("running"), stored());
    cdr.legStart(T0.plusSeconds(5), "leg-late", "running", "Late", "late@x", "p-late");
    assertTrue(recorder.awaitWritten(Duration.ofSeconds(60)), recorder.toString());
    assertEquals(List.of("running"), ids(history.find(
        MeetingQuery.builder().participantAddress("late@x").build())));
  }

  @Test
  void start_writesWhatTheTrackerAlreadyKeeps() throws Exception {
    cdr.meeting("before", "s1", T0, T0.plusSeconds(60), "a@x");
    cdr.meeting("running", "s2", T0, null, "b@x");
    start(recorder());
    assertEquals(List.of("before"), stored());
  }

  @Test
  void storeFailure_ingestGoesOn_everyMeetingWrittenOnceTheDatabaseIsBack() throws Exception {
    start(recorder().retryDelay(Duration.ofMillis(5)).maxPending(5));
    StoreDatabases.execute(db, "ALTER TABLE mm_meeting_participant RENAME TO away");
    cdr.meeting("first", "s-first", T0, T0.plusSeconds(1), "a@x");
    await(() -> recorder.status().failedAttempts() > 0, "failed");
    assertNotNull(recorder.status().lastFailure());
    // 40 more meetings while it fails: feeding returns (the listener only marks), and past the
    // backlog bound of 5 the recorder re-reads the tracker instead of keeping every id.
    for (int i = 0; i < 40; i++) {
      cdr.meeting("m" + i, "s" + i, T0.plusSeconds(10 + i), T0.plusSeconds(100 + i), "b@x");
    }
    assertEquals(41, tracker.meetings().size());
    assertTrue(recorder.status().pending() <= 6, recorder.toString());
    StoreDatabases.execute(db, "ALTER TABLE away RENAME TO mm_meeting_participant");
    assertEquals(41, stored().size());
    assertNull(recorder.status().lastFailure());
    assertEquals(40, history.find(MeetingQuery.builder().participantAddress("b@x").limit(1000)
        .build()).meetings().size(), "participants written with their meetings");
  }

  @Test
  void merged_provisionalMeetingDeleted() throws Exception {
    start(recorder().includeRunning(true));
    cdr.legStart(T0, "leg1", "callB", "Lin", "lin@x", "p1"); // before its call: provisional
    assertEquals(List.of("callB"), stored());
    cdr.callStartCorrelated(T0.plusSeconds(1), "callA", "Design", null, "K", null, null, null);
    cdr.callStartCorrelated(T0.plusSeconds(2), "callB", "Design", null, "K", null, null, null);
    assertEquals(List.of("callA"), stored());
    assertEquals(List.of("callA"), ids(history.find(
        MeetingQuery.builder().participantAddress("lin@x").build())));
  }

  @Test
  void close_writesWhatIsMarked() throws Exception {
    start(recorder());
    cdr.meeting("ended", "s1", T0, T0.plusSeconds(60), "a@x");
    recorder.close();
    assertEquals(0, recorder.status().pending());
    assertEquals(List.of("ended"), ids(history.find(MeetingQuery.builder().build())));
  }

  private static List<String> ids(MeetingPage page) {
    return page.meetings().stream().map(Meeting::id).toList();
  }
}
