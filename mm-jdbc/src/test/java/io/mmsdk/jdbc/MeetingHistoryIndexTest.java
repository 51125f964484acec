package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingQuery;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each query kind of {@link JdbcMeetingHistory} reads its index on both databases: the plans the
 * databases choose ({@code EXPLAIN QUERY PLAN} on SQLite, {@code EXPLAIN} on PostgreSQL) for 10,000
 * meetings × 3 participants, statistics gathered, name the kind's index. SQLite scans no table
 * without an index; PostgreSQL may hash-join a sequential read of {@code mm_meeting} to the rows an
 * address or tag index found, when its cost model prefers that to one lookup per match (it does at
 * 10,000 meetings), so only the other kinds are held to no sequential scan there.
 */
class MeetingHistoryIndexTest {
  @RegisterExtension static final EmbeddedPostgresExtension PG = new EmbeddedPostgresExtension();
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private final StoreDatabases databases = new StoreDatabases();
  @TempDir Path dir;

  @AfterEach
  void close() {
    databases.close();
  }

  /** Query kind to the index its plan must name. */
  private static Map<MeetingQuery, String> queries() {
    Map<MeetingQuery, String> q = new LinkedHashMap<>();
    q.put(MeetingQuery.builder().build(), "mm_meeting_order");
    q.put(MeetingQuery.builder().space("space-7").build(), "mm_meeting_space");
    q.put(MeetingQuery.builder().clusterId("cluster-1").build(), "mm_meeting_");
    q.put(MeetingQuery.builder().participantAddress("user-42@example.com").build(),
        "mm_meeting_address_order");
    q.put(MeetingQuery.builder().from(T0.plusSeconds(500 * 60)).to(T0.plusSeconds(600 * 60))
        .build(), "mm_meeting_order");
    q.put(MeetingQuery.builder().tag("tag-3").build(), "mm_meeting_tag_order");
    return q;
  }

  private static List<Meeting> meetings() {
    List<Meeting> out = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Instant start = T0.plusSeconds(60L * i);
      List<Meeting.Participant> ps = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        ps.add(new Meeting.Participant("leg-" + i + "-" + p, null, "call-" + i, null, "User",
            "sip:user-" + ((i * 3 + p) % 500) + "@example.com", "incoming",
            Meeting.ParticipantState.ENDED, start, start.plusSeconds(600), List.of(),
            Meeting.Mute.NONE, null, null, false, false, List.of(), "clientInitiated", null));
      }
      out.add(new Meeting("m-" + i, "cluster-" + (i % 2), "Meeting " + i, "space-" + (i % 50),
          null, "coSpace", null, null, null, false, false, false, Meeting.State.ENDED, start,
          start.plusSeconds(900), "callEnded",
          List.of(new Meeting.Call("call-" + i, null, null, null, true)), ps, List.of()));
    }
    return out;
  }

  private void check(JdbcDatabase db, String explain, String analyze, String fullScan)
      throws SQLException {
    JdbcMeetingHistory history = JdbcStores.meetingHistory(db,
        (cluster, space) -> Set.of("tag-" + Integer.parseInt(space.substring(6)) % 10));
    history.save(meetings());
    StoreDatabases.execute(db, analyze);
    for (Map.Entry<MeetingQuery, String> e : queries().entrySet()) {
      for (MeetingQuery.Position after : new MeetingQuery.Position[] {
          null, new MeetingQuery.Position(T0.plusSeconds(60 * 550), "m-550")}) {
        JdbcMeetingHistory.Select s = JdbcMeetingHistory.select(e.getKey(), after);
        String plan = db.withConnection(c -> {
          StringBuilder out = new StringBuilder();
          try (PreparedStatement p = c.prepareStatement(explain + s.sql())) {
            s.bind(p);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.append(rs.getString(rs.getMetaData().getColumnCount())).append('\n');
              }
            }
          }
          return out.toString();
        });
        String what = e.getKey() + (after == null ? "" : ", after a cursor") + ":\n" + plan;
        assertTrue(plan.contains(e.getValue()), what);
        boolean joined = e.getKey().findParticipantAddress().isPresent()
            || e.getKey().findTag().isPresent();
        if (!(joined && plan.contains("Hash Join"))) {
          assertFalse(plan.lines().anyMatch(l -> l.matches(fullScan)), what);
        }
      }
    }
  }

  @Test
  void sqlite_everyQueryKindUsesAnIndex() throws SQLException {
    check(databases.open(() -> JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"))),
        "EXPLAIN QUERY PLAN ", "ANALYZE", ".*SCAN [a-z_]+( [a-z])?$");
  }

  @Test
  void postgres_everyQueryKindUsesAnIndex() throws SQLException {
    check(databases.open(() -> JdbcDatabase.builder(PG.newSchemaUrl()).build()), "EXPLAIN ",
        "ANALYZE", ".*Seq Scan.*");
  }
}
