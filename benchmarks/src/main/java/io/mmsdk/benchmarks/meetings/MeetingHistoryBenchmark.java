package io.mmsdk.benchmarks.meetings;

import io.mmsdk.cdr.CallEnd;
import io.mmsdk.cdr.CallLegStart;
import io.mmsdk.cdr.CallStart;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.RecordHeader;
import io.mmsdk.jdbc.JdbcDatabase;
import io.mmsdk.jdbc.JdbcMeetingHistory;
import io.mmsdk.jdbc.JdbcStores;
import io.mmsdk.jdbc.MeetingHistoryRecorder;
import io.mmsdk.meetings.MeetingHistory;
import io.mmsdk.meetings.MeetingPage;
import io.mmsdk.meetings.MeetingQuery;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.meetings.SpaceTags;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One page (up to 50 meetings) of a {@link MeetingHistory} query over 10,000 ended meetings × 3
 * participants, side by side: the in-memory {@link MeetingTracker}, and {@link JdbcMeetingHistory}
 * on SQLite and on PostgreSQL (a local server started from Maven artifacts), filled from the same
 * tracker by a {@link MeetingHistoryRecorder}. Meeting {@code m} starts at minute {@code m} and
 * lasts 30 minutes in space {@code m % 500} (20 meetings per space, tag {@code m % 10}: 1,000 per
 * tag); its participants' addresses repeat every 1,000 legs (30 meetings per address). Each
 * operation asks for another space, address, hour or tag, so no backend answers from a cache of
 * the previous query.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@BenchmarkMode(Mode.AverageTime)
public class MeetingHistoryBenchmark {
  static final int MEETINGS = 10_000;
  static final int PARTICIPANTS = 3;
  static final int SPACES = 500;
  static final int ADDRESSES = 1_000;
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final SpaceTags TAGS =
      (cluster, space) -> Set.of("tag-" + Integer.parseInt(space.substring(6)) % 10);

  @Param({"memory", "sqlite", "postgresql"})
  public String history;

  private Path dir;
  private MeetingTracker tracker;
  private EmbeddedPostgres postgres;
  private JdbcDatabase db;
  private JdbcMeetingHistory jdbc;
  private MeetingHistory subject;
  private int next;

  /** Fills the tracker, and for a database backend writes its meetings there. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    dir = Files.createTempDirectory("meeting-history-bench");
    tracker = MeetingTracker.builder().spaceTags(TAGS).listenerExecutor(Runnable::run).build();
    switch (history) {
      case "memory" -> {
        feed(tracker);
        subject = tracker;
        return;
      }
      case "sqlite" -> db = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
      case "postgresql" -> {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true).start();
        db = JdbcDatabase.builder(postgres.getJdbcUrl("postgres", "postgres")).build();
      }
      default -> throw new IllegalArgumentException(history);
    }
    jdbc = JdbcStores.meetingHistory(db, TAGS);
    try (MeetingHistoryRecorder recorder =
        MeetingHistoryRecorder.builder(tracker, jdbc).batchSize(500).start()) {
      feed(tracker);
      if (!recorder.awaitWritten(Duration.ofMinutes(10))) {
        throw new IllegalStateException("meetings not written: " + recorder);
      }
    }
    subject = jdbc;
  }

  private static void feed(MeetingTracker tracker) {
    CdrOrigin origin = CdrOrigin.ofCluster("bench");
    long[] index = {0};
    for (int m = 0; m < MEETINGS; m++) {
      Instant start = T0.plusSeconds(60L * m);
      String call = "call-" + m;
      feed(tracker, origin, new CallStart(header("callStart", start, ++index[0]), call,
          "Meeting " + m, "Owner", "coSpace", "space-" + (m % SPACES), "corr-" + m, null, null,
          List.of()));
      for (int p = 0; p < PARTICIPANTS; p++) {
        feed(tracker, origin, new CallLegStart(header("callLegStart", start, ++index[0]),
            "leg-" + m + "-" + p, call, "Participant " + p,
            "sip:user-" + ((m * PARTICIPANTS + p) % ADDRESSES) + "@example.org", null, null,
            "sip", null, null, "incoming", null, null, "part-" + m + "-" + p, null, null, null,
            null, null, null, null, null, null, false, List.of()));
      }
      feed(tracker, origin, new CallEnd(header("callEnd", start.plusSeconds(1800), ++index[0]),
          call, null, null, null, null, List.of()));
    }
  }

  private static RecordHeader header(String type, Instant t, long index) {
    return new RecordHeader(type, t, index, index, 0);
  }

  private static void feed(MeetingTracker tracker, CdrOrigin origin, CdrRecord r) {
    tracker.onEvent(new CdrEvent.RecordReceived(origin, "session-1", "cb-1", r, false));
  }

  /** Closes the history and the database, stops the server, deletes the files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (jdbc != null) {
      jdbc.close();
      db.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    tracker.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /**
   * The meetings of one space (20 of them: one page).
   *
   * @return the page (consumed by JMH)
   */
  @Benchmark
  public MeetingPage bySpace() {
    return subject.find(MeetingQuery.builder().space("space-" + (next++ % SPACES)).build());
  }

  /**
   * The meetings an address took part in (30 of them: one page).
   *
   * @return the page (consumed by JMH)
   */
  @Benchmark
  public MeetingPage byParticipantAddress() {
    return subject.find(MeetingQuery.builder()
        .participantAddress("user-" + (next++ % ADDRESSES) + "@example.org").build());
  }

  /**
   * The first page of the meetings that overlap one hour (89 of them) somewhere in the history.
   *
   * @return the page (consumed by JMH)
   */
  @Benchmark
  public MeetingPage byTimeRange() {
    Instant from = T0.plusSeconds(3600L * (1 + next++ % (MEETINGS / 60 - 2)));
    return subject.find(MeetingQuery.builder().from(from).to(from.plusSeconds(3600)).build());
  }

  /**
   * The first page of the meetings in spaces with one tag (1,000 of them).
   *
   * @return the page (consumed by JMH)
   */
  @Benchmark
  public MeetingPage byTag() {
    return subject.find(MeetingQuery.builder().tag("tag-" + (next++ % 10)).build());
  }
}
