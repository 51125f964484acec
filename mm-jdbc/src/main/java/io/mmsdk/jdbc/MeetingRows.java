package io.mmsdk.jdbc;

import static io.mmsdk.jdbc.JdbcMeetingHistory.instant;
import static io.mmsdk.jdbc.JdbcMeetingHistory.nanos;

import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingQuery;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of {@link JdbcMeetingHistory}: a meeting, its calls, participants and log written and
 * read back. A participant's lobby intervals and alarms are short lists kept in one text column
 * each ({@code start:end,...} in nanoseconds; {@code type=percentage,...} with the type
 * URL-encoded), its mute states as four bits; a log entry is one row.
 */
final class MeetingRows {
  private static final String PARTICIPANT_COLUMNS = "meeting_id, ordinal, call_leg_id, participant_id, call_id, call_bridge, display_name, remote_party, direction,"
      + " state, joined_ns, left_ns, lobby, mute, layout, importance, presenter, active_speaker,"
      + " alarms, end_reason, duration_ns";

  private MeetingRows() {}

  static void insert(Connection c, List<Meeting> meetings, Map<String, Set<String>> tags)
      throws SQLException {
    try (PreparedStatement m = c.prepareStatement("INSERT INTO mm_meeting (id, cluster_id, name,"
            + " co_space, call_correlator, call_type, owner_name, tenant, cdr_tag, locked,"
            + " recording, streaming, ended, start_ns, end_ns, end_reason)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement call = c.prepareStatement("INSERT INTO mm_meeting_call (meeting_id,"
            + " ordinal, call_id, call_bridge, session, bridge_id, ended)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement part = c.prepareStatement("INSERT INTO mm_meeting_participant ("
            + PARTICIPANT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?)");
        PreparedStatement logEntry = c.prepareStatement("INSERT INTO mm_meeting_log (meeting_id,"
            + " ordinal, time_ns, kind, subject, detail) VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement address = c.prepareStatement("INSERT INTO mm_meeting_address"
            + " (meeting_id, address, start_ns) VALUES (?, ?, ?)");
        PreparedStatement tag = c.prepareStatement(
            "INSERT INTO mm_meeting_tag (meeting_id, tag, start_ns) VALUES (?, ?, ?)")) {
      for (Meeting meeting : meetings) {
        long start = nanos(meeting.startTime());
        m.setString(1, meeting.id());
        m.setString(2, meeting.clusterId());
        m.setString(3, meeting.name());
        m.setString(4, meeting.coSpace());
        m.setString(5, meeting.callCorrelator());
        m.setString(6, meeting.callType());
        m.setString(7, meeting.ownerName());
        m.setString(8, meeting.tenant());
        m.setString(9, meeting.cdrTag());
        m.setInt(10, meeting.locked() ? 1 : 0);
        m.setInt(11, meeting.recording() ? 1 : 0);
        m.setInt(12, meeting.streaming() ? 1 : 0);
        m.setInt(13, meeting.state() == Meeting.State.ENDED ? 1 : 0);
        m.setLong(14, start);
        setNanos(m, 15, meeting.endTime());
        m.setString(16, meeting.endReason());
        m.addBatch();
        int ordinal = 0;
        for (Meeting.Call k : meeting.calls()) {
          call.setString(1, meeting.id());
          call.setInt(2, ordinal++);
          call.setString(3, k.callId());
          call.setString(4, k.callBridge());
          call.setString(5, k.session());
          call.setString(6, k.bridgeId());
          call.setInt(7, k.ended() ? 1 : 0);
          call.addBatch();
        }
        ordinal = 0;
        Set<String> addresses = new HashSet<>();
        for (Meeting.Participant p : meeting.participants()) {
          if (p.remoteParty() != null) {
            addresses.add(MeetingQuery.normalizeAddress(p.remoteParty()));
          }
          part.setString(1, meeting.id());
          part.setInt(2, ordinal++);
          part.setString(3, p.callLegId());
          part.setString(4, p.participantId());
          part.setString(5, p.callId());
          part.setString(6, p.callBridge());
          part.setString(7, p.displayName());
          part.setString(8, p.remoteParty());
          part.setString(9, p.direction());
          part.setString(10, p.state().name());
          setNanos(part, 11, p.joinedAt());
          setNanos(part, 12, p.leftAt());
          part.setString(13, lobby(p.lobbyIntervals()));
          part.setInt(14, mute(p.mute()));
          part.setString(15, p.layout());
          if (p.importance() == null) {
            part.setNull(16, Types.BIGINT);
          } else {
            part.setLong(16, p.importance());
          }
          part.setInt(17, p.presenter() ? 1 : 0);
          part.setInt(18, p.activeSpeaker() ? 1 : 0);
          part.setString(19, alarms(p.alarms()));
          part.setString(20, p.endReason());
          if (p.duration() == null) {
            part.setNull(21, Types.BIGINT);
          } else {
            part.setLong(21, p.duration().toNanos());
          }
          part.addBatch();
        }
        ordinal = 0;
        for (Meeting.LogEntry e : meeting.log()) {
          logEntry.setString(1, meeting.id());
          logEntry.setInt(2, ordinal++);
          logEntry.setLong(3, nanos(e.time()));
          logEntry.setString(4, e.kind().name());
          logEntry.setString(5, e.subject());
          logEntry.setString(6, e.detail());
          logEntry.addBatch();
        }
        for (String a : addresses) {
          address.setString(1, meeting.id());
          address.setString(2, a);
          address.setLong(3, start);
          address.addBatch();
        }
        for (String t : tags.getOrDefault(meeting.id(), Set.of())) {
          tag.setString(1, meeting.id());
          tag.setString(2, t);
          tag.setLong(3, start);
          tag.addBatch();
        }
      }
      m.executeBatch();
      call.executeBatch();
      part.executeBatch();
      logEntry.executeBatch();
      address.executeBatch();
      tag.executeBatch();
    }
  }

  /** Reads the meeting columns of {@link JdbcMeetingHistory}'s query, in their order. */
  static Builder meeting(ResultSet rs) throws SQLException {
    Builder b = new Builder();
    b.id = rs.getString(1);
    b.clusterId = rs.getString(2);
    b.name = rs.getString(3);
    b.coSpace = rs.getString(4);
    b.callCorrelator = rs.getString(5);
    b.callType = rs.getString(6);
    b.ownerName = rs.getString(7);
    b.tenant = rs.getString(8);
    b.cdrTag = rs.getString(9);
    b.locked = rs.getInt(10) != 0;
    b.recording = rs.getInt(11) != 0;
    b.streaming = rs.getInt(12) != 0;
    b.state = rs.getInt(13) != 0 ? Meeting.State.ENDED : Meeting.State.ACTIVE;
    b.start = instant(rs.getLong(14));
    b.end = getInstant(rs, 15);
    b.endReason = rs.getString(16);
    return b;
  }

  /**
   * Reads the calls, participants and logs of {@code meetings}, by id, into their builders: one
   * query per table for the whole page.
   */
  static void readDetails(Connection c, Map<String, Builder> meetings) throws SQLException {
    if (meetings.isEmpty()) {
      return;
    }
    String in = String.join(", ", Collections.nCopies(meetings.size(), "?"));
    try (PreparedStatement p = c.prepareStatement("SELECT meeting_id, call_id, call_bridge,"
        + " session, bridge_id, ended FROM mm_meeting_call WHERE meeting_id IN (" + in + ")"
        + " ORDER BY meeting_id, ordinal")) {
      bindIds(p, meetings);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          meetings.get(rs.getString(1)).calls.add(new Meeting.Call(rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6) != 0));
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement("SELECT " + PARTICIPANT_COLUMNS
        + " FROM mm_meeting_participant WHERE meeting_id IN (" + in + ")"
        + " ORDER BY meeting_id, ordinal")) {
      bindIds(p, meetings);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          long importance = rs.getLong(16);
          Long imp = rs.wasNull() ? null : importance;
          long duration = rs.getLong(21);
          Duration d = rs.wasNull() ? null : Duration.ofNanos(duration);
          meetings.get(rs.getString(1)).participants.add(new Meeting.Participant(rs.getString(3),
              rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
              rs.getString(8), rs.getString(9), Meeting.ParticipantState.valueOf(rs.getString(10)),
              getInstant(rs, 11), getInstant(rs, 12), lobby(rs.getString(13)),
              mute(rs.getInt(14)), rs.getString(15), imp, rs.getInt(17) != 0, rs.getInt(18) != 0,
              alarms(rs.getString(19)), rs.getString(20), d));
        }
      }
    }
    try (PreparedStatement p = c.prepareStatement("SELECT meeting_id, time_ns, kind, subject,"
        + " detail FROM mm_meeting_log WHERE meeting_id IN (" + in + ")"
        + " ORDER BY meeting_id, ordinal")) {
      bindIds(p, meetings);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          meetings.get(rs.getString(1)).log.add(new Meeting.LogEntry(instant(rs.getLong(2)),
              Meeting.LogKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
        }
      }
    }
  }

  private static void bindIds(PreparedStatement p, Map<String, Builder> meetings)
      throws SQLException {
    int i = 1;
    for (String id : meetings.keySet()) {
      p.setString(i++, id);
    }
  }

  private static void setNanos(PreparedStatement p, int index, Instant t) throws SQLException {
    if (t == null) {
      p.setNull(index, Types.BIGINT);
    } else {
      p.setLong(index, nanos(t));
    }
  }

  private static Instant getInstant(ResultSet rs, int index) throws SQLException {
    long v = rs.getLong(index);
    return rs.wasNull() ? null : instant(v);
  }

  static String lobby(List<Meeting.Interval> intervals) {
    StringBuilder s = new StringBuilder();
    for (Meeting.Interval i : intervals) {
      if (s.length() > 0) {
        s.append(',');
      }
      s.append(nanos(i.start())).append(':');
      if (i.end() != null) {
        s.append(nanos(i.end()));
      }
    }
    return s.toString();
  }

  static List<Meeting.Interval> lobby(String text) {
    List<Meeting.Interval> out = new ArrayList<>();
    if (!text.isEmpty()) {
      for (String item : text.split(",")) {
        int colon = item.indexOf(':');
        String end = item.substring(colon + 1);
        out.add(new Meeting.Interval(instant(Long.parseLong(item.substring(0, colon))),
            end.isEmpty() ? null : instant(Long.parseLong(end))));
      }
    }
    return out;
  }

  static String alarms(List<CallLegEnd.Alarm> alarms) {
    StringBuilder s = new StringBuilder();
    for (CallLegEnd.Alarm a : alarms) {
      if (s.length() > 0) {
        s.append(',');
      }
      s.append(URLEncoder.encode(a.type(), StandardCharsets.UTF_8)).append('=');
      if (a.durationPercentage() != null) {
        s.append(a.durationPercentage());
      }
    }
    return s.toString();
  }

  static List<CallLegEnd.Alarm> alarms(String text) {
    List<CallLegEnd.Alarm> out = new ArrayList<>();
    if (!text.isEmpty()) {
      for (String item : text.split(",")) {
        int eq = item.indexOf('=');
        String pct = item.substring(eq + 1);
        out.add(new CallLegEnd.Alarm(URLDecoder.decode(item.substring(0, eq),
            StandardCharsets.UTF_8), pct.isEmpty() ? null : Double.valueOf(pct)));
      }
    }
    return out;
  }

  private static int mute(Meeting.Mute m) {
    return (m.rxAudio() ? 8 : 0) | (m.txAudio() ? 4 : 0) | (m.rxVideo() ? 2 : 0)
        | (m.txVideo() ? 1 : 0);
  }

  private static Meeting.Mute mute(int bits) {
    return Meeting.Mute.of((bits & 8) != 0, (bits & 4) != 0, (bits & 2) != 0, (bits & 1) != 0);
  }

  /** A meeting being read back: its row, then its calls, participants and log. */
  static final class Builder {
    private String id;
    private String clusterId;
    private String name;
    private String coSpace;
    private String callCorrelator;
    private String callType;
    private String ownerName;
    private String tenant;
    private String cdrTag;
    private boolean locked;
    private boolean recording;
    private boolean streaming;
    private Meeting.State state;
    private Instant start;
    private Instant end;
    private String endReason;
    private final List<Meeting.Call> calls = new ArrayList<>();
    private final List<Meeting.Participant> participants = new ArrayList<>();
    private final List<Meeting.LogEntry> log = new ArrayList<>();

    String id() {
      return id;
    }

    Meeting build() {
      return new Meeting(id, clusterId, name, coSpace, callCorrelator, callType, ownerName,
          tenant, cdrTag, locked, recording, streaming, state, start, end, endReason, calls,
          participants, log);
    }
  }
}
