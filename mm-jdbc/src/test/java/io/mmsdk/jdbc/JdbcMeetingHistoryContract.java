package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingHistory;
import io.mmsdk.meetings.MeetingHistoryContract;
import io.mmsdk.meetings.MeetingQuery;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.meetings.SpaceTags;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MeetingHistoryContract} for {@link JdbcMeetingHistory}, fed by a {@link
 * MeetingHistoryRecorder} that writes running meetings too (the contract queries both), on the
 * database a subclass opens; and, for {@link JdbcMeetingHistory#save} called directly, the log
 * round trip: every {@link Meeting.LogKind}, odd text, null and empty subjects and details, a
 * rewrite that shortens the log and a delete.
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

  private static Meeting meeting(String id, Instant start, List<Meeting.LogEntry> log) {
    return new Meeting(id, "london", "Log", "space-log", null, "coSpace", null, null, null, false,
        false, false, Meeting.State.ENDED, start, start.plusSeconds(600), "callEnded", List.of(),
        List.of(), log);
  }

  private static List<Meeting> find(JdbcMeetingHistory history) {
    return history.find(MeetingQuery.builder().space("space-log").build()).meetings();
  }

  private static int logRows(JdbcDatabase db, String meetingId) throws Exception {
    return db.withConnection(c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT COUNT(*) FROM mm_meeting_log WHERE meeting_id = ?")) {
        p.setString(1, meetingId);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    });
  }

  @Test
  void save_log_everyKindAndOddTextReadBackAsSaved_rewriteReplaces_deleteRemoves()
      throws Exception {
    JdbcDatabase db = databases.open(this::database);
    JdbcMeetingHistory history = JdbcStores.meetingHistory(db);
    Instant t0 = Instant.parse("2026-03-02T09:00:00.123456789Z");
    List<String> odd = List.of("", "quote ' \" -- ; DROP TABLE mm_meeting;",
        "comma, colon: x=y%2C",
        "line\nbreak\ttab\r", "\u00e9\u00df\u4e2d\u6587 \ud83d\ude00", "trailing space ", "\\ back");
    List<Meeting.LogEntry> log = new ArrayList<>();
    Meeting.LogKind[] kinds = Meeting.LogKind.values();
    for (int i = 0; i < kinds.length; i++) {
      log.add(new Meeting.LogEntry(t0.plusNanos(i), kinds[i],
          i % 3 == 0 ? null : odd.get(i % odd.size()),
          i % 4 == 1 ? null : odd.get((i + 2) % odd.size())));
    }
    log.add(new Meeting.LogEntry(t0.minusSeconds(1), Meeting.LogKind.RESYNCED, "", ""));
    log.add(new Meeting.LogEntry(t0, Meeting.LogKind.RESYNCED, null, null));
    Meeting full = meeting("log-1", t0, log);
    Meeting other = meeting("log-2", t0.plusSeconds(60),
        List.of(new Meeting.LogEntry(t0.plusSeconds(60), Meeting.LogKind.MEETING_STARTED, "log-2",
            "Log")));
    Meeting none = meeting("log-3", t0.plusSeconds(120), List.of());
    history.save(List.of(full, other, none));
    assertEquals(List.of(none, other, full), find(history),
        "each meeting of the page has its own log, in order, entries as saved");

    Meeting shorter = meeting("log-1", t0, log.subList(0, 2));
    history.save(List.of(shorter));
    assertEquals(List.of(none, other, shorter), find(history), "a rewrite replaces the log");
    assertEquals(2, logRows(db, "log-1"));

    history.delete(List.of("log-1"));
    assertEquals(List.of(none, other), find(history));
    assertEquals(0, logRows(db, "log-1"), "a deleted meeting leaves no log rows");

    Meeting noTime = meeting("log-4", t0, List.of(
        new Meeting.LogEntry(null, Meeting.LogKind.RESYNCED, null, "")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> history.save(List.of(noTime, meeting("log-5", t0, List.of()))));
    assertTrue(e.getMessage().contains("log-4"), e.getMessage());
    assertEquals(List.of(none, other), find(history), "nothing of a rejected call is stored");
  }
}
