package io.mmsdk.jdbc;

import static java.util.Objects.requireNonNull;

import io.mmsdk.meetings.InvalidMeetingQueryException;
import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingHistory;
import io.mmsdk.meetings.MeetingPage;
import io.mmsdk.meetings.MeetingQuery;
import io.mmsdk.meetings.SpaceTags;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link MeetingHistory} in a database, over as long a history as the database keeps: table
 * {@code mm_meeting} (one row per meeting), {@code mm_meeting_call}, {@code
 * mm_meeting_participant}, {@code mm_meeting_log} (the meeting's {@link Meeting#log() log}, one row
 * per entry), {@code mm_meeting_address} (each remote party that took part, {@linkplain
 * MeetingQuery#normalizeAddress normalized}, once per meeting) and {@code mm_meeting_tag} (the tags
 * the meeting's space carried when the meeting was {@linkplain #save written}). Each query kind — space, cluster,
 * participant address, time range, tag — reads an index kept in {@link MeetingQuery#ORDER}, and
 * pages with the same cursor as {@link io.mmsdk.meetings.MeetingTracker}.
 *
 * <p>Fed by a {@link MeetingHistoryRecorder}, which writes a tracker's meetings on a thread of its
 * own; {@link #save} may also be called directly (an import, a test). Meetings read back are as
 * they were saved, with their calls, participants and log; the log is stored as the meeting had
 * it, so within the tracker's bounds (the newest entries, see {@link
 * io.mmsdk.meetings.MeetingTracker}). Several processes may read and write one database.
 * Thread-safe; {@link #close()} leaves the {@link JdbcDatabase} open.
 */
public final class JdbcMeetingHistory implements MeetingHistory, AutoCloseable {
  /** This store's migration sequence and the newest version this code knows. */
  static final String STORE = "meetinghistory";
  static final int SCHEMA_VERSION = 1;
  private static final String MEETING_COLUMNS = "m.id, m.cluster_id, m.name, m.co_space,"
      + " m.call_correlator, m.call_type, m.owner_name, m.tenant, m.cdr_tag, m.locked, m.recording,"
      + " m.streaming, m.ended, m.start_ns, m.end_ns, m.end_reason";

  private final JdbcDatabase db;
  private final SpaceTags spaceTags;
  private volatile boolean closed;

  private JdbcMeetingHistory(JdbcDatabase db, SpaceTags spaceTags) {
    this.db = db;
    this.spaceTags = spaceTags;
  }

  static JdbcMeetingHistory open(JdbcDatabase db, SpaceTags spaceTags) {
    requireNonNull(db, "database == null");
    db.migrate(STORE, SCHEMA_VERSION);
    return new JdbcMeetingHistory(db, spaceTags);
  }

  /**
   * Writes meetings with their calls, participants and log, replacing what was stored under their
   * ids, in one transaction committed before it returns. Each meeting's space tags are read from
   * the {@link SpaceTags} this history was opened with (before the transaction begins); without
   * one, no tags are stored.
   *
   * @param meetings the meetings as they are now
   * @throws IllegalArgumentException if a meeting's log has an entry without a time or a kind (a
   *     tracker makes none); nothing of the call is stored
   * @throws JdbcStoreException if the database cannot be written; nothing of the call is stored
   */
  public void save(Collection<Meeting> meetings) {
    requireNonNull(meetings, "meetings == null");
    ensureOpen();
    List<Meeting> all = List.copyOf(meetings);
    if (all.isEmpty()) {
      return;
    }
    for (Meeting m : all) {
      for (Meeting.LogEntry e : m.log()) {
        if (e.time() == null || e.kind() == null) {
          throw new IllegalArgumentException("meeting " + m.id() + " has a log entry without a"
              + " time or a kind (" + e + "); give every entry both before saving it");
        }
      }
    }
    Map<String, Set<String>> tags = new HashMap<>();
    if (spaceTags != null) {
      for (Meeting m : all) {
        if (m.coSpace() != null) {
          tags.put(m.id(), Set.copyOf(spaceTags.tagsOf(m.clusterId(), m.coSpace())));
        }
      }
    }
    try {
      db.inTransaction(c -> {
        delete(c, all.stream().map(Meeting::id).toList());
        MeetingRows.insert(c, all, tags);
        return null;
      });
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot write " + all.size() + " meeting(s) to the meeting"
          + " history in " + db + " (" + e.getMessage() + "); nothing of them was stored: check"
          + " that the database is reachable and writable", e);
    }
  }

  /**
   * Deletes meetings and their calls, participants, logs and tags, for example a meeting that turned
   * out to be part of another one ({@link Meeting.LogKind#MEETING_MERGED}).
   *
   * @param meetingIds the ids; ids not stored are ignored
   * @throws JdbcStoreException if the database cannot be written; nothing is deleted
   */
  public void delete(Collection<String> meetingIds) {
    requireNonNull(meetingIds, "meetingIds == null");
    ensureOpen();
    List<String> ids = List.copyOf(meetingIds);
    if (ids.isEmpty()) {
      return;
    }
    try {
      db.inTransaction(c -> {
        delete(c, ids);
        return null;
      });
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot delete " + ids.size() + " meeting(s) from the meeting"
          + " history in " + db + " (" + e.getMessage() + "): check that the database is"
          + " reachable and writable", e);
    }
  }

  private static void delete(Connection c, List<String> ids) throws SQLException {
    for (String table : new String[] {"mm_meeting_tag", "mm_meeting_address",
        "mm_meeting_log", "mm_meeting_participant", "mm_meeting_call", "mm_meeting"}) {
      String column = table.equals("mm_meeting") ? "id" : "meeting_id";
      try (PreparedStatement p =
          c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " = ?")) {
        for (String id : ids) {
          p.setString(1, id);
          p.addBatch();
        }
        p.executeBatch();
      }
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>A tag matches the tags the meeting's space carried when the meeting was last written.
   *
   * @throws InvalidMeetingQueryException if the cursor is not one a history returned, or the
   *     query has a tag and this history was opened without {@link SpaceTags}
   * @throws JdbcStoreException if the database cannot be read
   */
  @Override
  public MeetingPage find(MeetingQuery query) {
    requireNonNull(query, "query == null");
    MeetingQuery.Position after = query.findCursorPosition().orElse(null);
    if (query.findTag().isPresent() && spaceTags == null) {
      throw new InvalidMeetingQueryException("the query asks for tag '" + query.findTag().get()
          + "' but this meeting history stores no space tags; open it with"
          + " JdbcStores.meetingHistory(database, spaceTags)");
    }
    ensureOpen();
    Select select = select(query, after);
    try {
      return db.withConnection(c -> {
        Map<String, MeetingRows.Builder> found = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement(select.sql())) {
          select.bind(p);
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              MeetingRows.Builder b = MeetingRows.meeting(rs);
              found.put(b.id(), b);
            }
          }
        }
        boolean more = found.size() > query.limit();
        if (more) {
          found.remove(new ArrayList<>(found.keySet()).get(query.limit()));
        }
        MeetingRows.readDetails(c, found);
        List<Meeting> page = found.values().stream().map(MeetingRows.Builder::build).toList();
        return new MeetingPage(page,
            more ? MeetingQuery.cursorAfter(page.get(page.size() - 1)) : null);
      });
    } catch (SQLException e) {
      throw new JdbcStoreException("cannot read the meeting history in " + db + " ("
          + e.getMessage() + "): check that the database is reachable", e);
    }
  }

  /**
   * {@return the statement that finds one page of {@code query}'s meetings after {@code after}
   * (null on the first page), one more than the page holds}
   */
  static Select select(MeetingQuery query, MeetingQuery.Position after) {
    // An address or a tag query is driven by its own table, whose index holds each meeting's start
    // and id in MeetingQuery.ORDER: the page comes out of that index in order and stops at LIMIT.
    String address = query.findParticipantAddress().map(MeetingQuery::normalizeAddress)
        .orElse(null);
    String tag = query.findTag().orElse(null);
    StringBuilder sql = new StringBuilder("SELECT ").append(MEETING_COLUMNS);
    List<Object> args = new ArrayList<>();
    String start = "d.start_ns";
    String id = "d.meeting_id";
    if (address != null) {
      sql.append(" FROM mm_meeting_address d JOIN mm_meeting m ON m.id = d.meeting_id");
      condition(sql, args, " WHERE d.address = ?", address);
    } else if (tag != null) {
      sql.append(" FROM mm_meeting_tag d JOIN mm_meeting m ON m.id = d.meeting_id");
      condition(sql, args, " WHERE d.tag = ?", tag);
    } else {
      sql.append(" FROM mm_meeting m WHERE 1 = 1");
      start = "m.start_ns";
      id = "m.id";
    }
    if (address != null && tag != null) {
      condition(sql, args,
          " AND m.id IN (SELECT t.meeting_id FROM mm_meeting_tag t WHERE t.tag = ?)", tag);
    }
    query.findClusterId().ifPresent(v -> condition(sql, args, " AND m.cluster_id = ?", v));
    query.findSpace().ifPresent(v -> condition(sql, args, " AND m.co_space = ?", v));
    if (query.findTo().isPresent()) {
      condition(sql, args, " AND " + start + " < ?", nanos(query.findTo().get()));
    }
    query.findFrom().ifPresent(v ->
        condition(sql, args, " AND (m.end_ns IS NULL OR m.end_ns >= ?)", nanos(v)));
    if (after != null) {
      long at = nanos(after.startTime());
      sql.append(" AND (").append(start).append(" < ? OR (").append(start).append(" = ? AND ")
          .append(id).append(" > ?))");
      args.add(at);
      args.add(at);
      args.add(after.meetingId());
    }
    sql.append(" ORDER BY ").append(start).append(" DESC, ").append(id).append(" LIMIT ?");
    args.add(query.limit() + 1);
    return new Select(sql.toString(), List.copyOf(args));
  }

  /** A statement and its parameters. */
  record Select(String sql, List<Object> args) {
    void bind(PreparedStatement p) throws SQLException {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
    }
  }

  private static void condition(StringBuilder sql, List<Object> args, String text, Object value) {
    sql.append(text);
    args.add(value);
  }

  /** {@return {@code t} in nanoseconds since the epoch, the stored form of every time} */
  static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  /** {@return the time of a stored nanosecond count} */
  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
        Math.floorMod(nanos, 1_000_000_000L));
  }

  /** Stops serving; further calls fail. The database stays open. */
  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the meeting history in " + db + " is closed; open a new"
          + " one with JdbcStores.meetingHistory");
    }
  }

  @Override
  public String toString() {
    return "JdbcMeetingHistory[" + db + "]";
  }
}
