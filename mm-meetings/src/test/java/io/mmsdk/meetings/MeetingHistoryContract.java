package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MeetingHistory} does, run against each implementation: the in-memory {@link
 * MeetingTracker} and the database-backed ones. The contract feeds CDRs to a tracker (listeners run
 * on the feeding thread) and asks the implementation under test, opened on that tracker, every query
 * kind: by cluster, space, participant address, time range and tag, paging while meetings start,
 * a tag query without space tags, bad cursors and, for a history that persists, a crash and reopen.
 * Meetings are compared whole, {@linkplain Meeting#log() log} included: a history keeps the log as
 * the meeting had it.
 */
public abstract class MeetingHistoryContract {
  /** The start of the meetings the contract makes. */
  protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** The tracker's clock, a day after {@link #T0}. */
  protected final SimulatedClock clock = SimulatedClock.startingAt(T0.plus(Duration.ofDays(1)));
  /** Space GUID to tags; what {@link #spaceTags} reads. */
  protected final Map<String, Set<String>> tags = new ConcurrentHashMap<>();
  /** The space tags of the meetings the contract makes. */
  protected final SpaceTags spaceTags = (cluster, space) -> tags.getOrDefault(space, Set.of());
  private final List<MeetingTracker> trackers = new ArrayList<>();
  private MeetingTracker tracker;
  private MeetingHistory history;
  private Records london;
  private Records paris;

  /** Creates the contract. */
  protected MeetingHistoryContract() {}

  /**
   * Opens the history under test, fed by {@code tracker}.
   *
   * @param tracker the tracker the contract feeds; its listeners run on the feeding thread
   * @param spaceTags the space tags the history should use, or null for none
   * @return the history under test
   * @throws Exception if it cannot be opened
   */
  protected abstract MeetingHistory open(MeetingTracker tracker, SpaceTags spaceTags)
      throws Exception;

  /**
   * Waits until the history shows every change the tracker has told its listeners so far.
   *
   * @throws Exception if that does not happen in reasonable time
   */
  protected abstract void awaitWritten() throws Exception;

  /**
   * Simulates a crash of the process that wrote the history (no orderly close) and opens it again.
   *
   * @return the reopened history, or null if this implementation keeps nothing across a crash
   * @throws Exception if it cannot be reopened
   */
  protected abstract MeetingHistory crashAndReopen() throws Exception;

  /**
   * Closes what {@link #open} opened. Does nothing by default.
   *
   * @throws Exception if closing fails
   */
  protected void closeHistory() throws Exception {}

  private void start(boolean withTags) throws Exception {
    MeetingTracker.Builder b = MeetingTracker.builder().scheduler(clock)
        .listenerExecutor(Runnable::run);
    if (withTags) {
      b.spaceTags(spaceTags);
    }
    tracker = b.build();
    trackers.add(tracker);
    history = open(tracker, withTags ? spaceTags : null);
    london = new Records(tracker, "london");
    paris = new Records(tracker, "paris");
  }

  @AfterEach
  void closeAll() throws Exception {
    closeHistory();
    trackers.forEach(MeetingTracker::close);
  }

  private List<String> find(MeetingQuery.Builder q) throws Exception {
    awaitWritten();
    return ids(history.find(q.build()));
  }

  private static List<String> ids(MeetingPage page) {
    return page.meetings().stream().map(Meeting::id).toList();
  }

  private void threeMeetings() {
    london.meeting("c1", "sales", T0, T0.plusSeconds(600), "sip:Alice@Example.com");
    london.meeting("c2", "sales", T0.plusSeconds(3600), T0.plusSeconds(4200), "bob@example.com");
    london.meeting("c3", "board", T0.plusSeconds(7200), null, "alice@example.com");
    paris.meeting("p1", "sales", T0.plusSeconds(1800), T0.plusSeconds(2400), "carol@example.com");
  }

  @Test
  void find_bySpaceAndCluster_onlyThoseNewestFirst() throws Exception {
    start(true);
    threeMeetings();
    assertEquals(List.of("c2", "p1", "c1"), find(MeetingQuery.builder().space("sales")));
    assertEquals(List.of("c2", "c1"),
        find(MeetingQuery.builder().space("sales").clusterId("london")));
    assertEquals(List.of("p1"), find(MeetingQuery.builder().clusterId("paris")));
    assertEquals(List.of(), find(MeetingQuery.builder().clusterId("tokyo")));
    assertEquals(List.of("c3", "c2", "p1", "c1"), find(MeetingQuery.builder()));
  }

  @Test
  void find_byParticipantAddress_anyParticipantCaseAndSchemeIgnored() throws Exception {
    start(true);
    threeMeetings();
    Instant t = T0.plusSeconds(10_000);
    london.callStart(t, "c4", "Many", "s4");
    london.legStart(t, "leg-a", "c4", "Dave", "dave@example.com", "part-a");
    london.legStart(t, "leg-b", "c4", "Alice", "h323:ALICE@example.com", "part-b");
    london.legEnd(t.plusSeconds(5), "leg-b", "clientInitiated", List.of(), 5L);
    assertEquals(List.of("c4", "c3", "c1"),
        find(MeetingQuery.builder().participantAddress("sip:alice@EXAMPLE.com")),
        "a participant that left counts; case and scheme are ignored");
    assertEquals(List.of("c4"), find(MeetingQuery.builder().participantAddress("dave@example.com")));
    assertEquals(List.of(), find(MeetingQuery.builder().participantAddress("nobody@example.com")));
    assertEquals(List.of("c3"), find(MeetingQuery.builder().participantAddress("alice@example.com")
        .space("board")));
  }

  @Test
  void find_byTimeRange_overlapHalfOpen() throws Exception {
    start(true);
    threeMeetings();
    assertEquals(List.of("c3", "c2", "p1"), find(MeetingQuery.builder().from(T0.plusSeconds(601))),
        "c1 ended before the range; c3 still runs");
    assertEquals(List.of("c3", "c2", "p1", "c1"),
        find(MeetingQuery.builder().from(T0.plusSeconds(600))), "ending at from still overlaps");
    assertEquals(List.of("p1", "c1"), find(MeetingQuery.builder().to(T0.plusSeconds(3600))),
        "to is exclusive");
    assertEquals(List.of("c2"), find(MeetingQuery.builder().from(T0.plusSeconds(4000))
        .to(T0.plusSeconds(7200))));
    assertEquals(List.of("c3"), find(MeetingQuery.builder().from(T0.plusSeconds(86_000))),
        "a running meeting overlaps every range after its start");
  }

  @Test
  void find_byTag_theSpacesTagsOnly() throws Exception {
    tags.put("board", Set.of("vip", "exec"));
    tags.put("sales", Set.of("team"));
    start(true);
    threeMeetings();
    assertEquals(List.of("c3"), find(MeetingQuery.builder().tag("vip")));
    assertEquals(List.of("c2", "c1"), find(MeetingQuery.builder().tag("team").clusterId("london")));
    assertEquals(List.of(), find(MeetingQuery.builder().tag("nothing")));
  }

  @Test
  void find_tagWithoutSpaceTags_typedErrorNamingSpaceTags() throws Exception {
    start(false);
    threeMeetings();
    awaitWritten();
    InvalidMeetingQueryException e = assertThrows(InvalidMeetingQueryException.class,
        () -> history.find(MeetingQuery.builder().tag("vip").build()));
    assertTrue(e.getMessage().contains("spaceTags"), e.getMessage());
    assertTrue(e.getMessage().contains("vip"), e.getMessage());
  }

  @Test
  void find_paged_everyMeetingOnceEvenWhenOneStartsOrEndsMeanwhile() throws Exception {
    start(true);
    for (int i = 0; i < 25; i++) {
      // distinct spaces: running meetings of one space are one meeting
      london.meeting(String.format("c%02d", i), "s" + i, T0.plusSeconds(60L * (i / 2)), null, "x@y");
    }
    awaitWritten();
    MeetingQuery q = MeetingQuery.builder().limit(10).build();
    List<String> seen = new ArrayList<>();
    MeetingPage page = history.find(q);
    seen.addAll(ids(page));
    london.meeting("late", "s-late", T0.plusSeconds(86_000), null, "x@y"); // sorts first
    london.callEnd(T0.plusSeconds(86_000), "c03"); // on the next page: ends, keeps its place
    awaitWritten();
    while (page.hasMore()) {
      page = history.find(q.next(page).orElseThrow());
      seen.addAll(ids(page));
    }
    assertEquals(25, seen.size(), seen.toString());
    assertEquals(25, Set.copyOf(seen).size(), "no meeting twice");
    assertFalse(seen.contains("late"));
    assertEquals("c24", seen.get(0));
    assertEquals(List.of("c22", "c23"), seen.subList(1, 3), "same start: id ascending");
    assertEquals("late", ids(history.find(q)).get(0), "a new first page shows it");
  }

  @Test
  void find_lastPageExactlyFull_noCursor() throws Exception {
    start(true);
    for (int i = 0; i < 4; i++) {
      london.meeting("m" + i, "s" + i, T0.plusSeconds(i), T0.plusSeconds(100), "x@y");
    }
    awaitWritten();
    MeetingPage first = history.find(MeetingQuery.builder().limit(2).build());
    assertEquals(List.of("m3", "m2"), ids(first));
    assertTrue(first.hasMore());
    MeetingPage second = history.find(MeetingQuery.builder().limit(2)
        .cursor(first.nextCursor()).build());
    assertEquals(List.of("m1", "m0"), ids(second));
    assertFalse(second.hasMore());
  }

  @Test
  void find_badCursor_typedErrorNamingTheCursor() throws Exception {
    start(true);
    threeMeetings();
    awaitWritten();
    String noSeparator = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("2026-03-02T09:00:00Z".getBytes(StandardCharsets.UTF_8));
    String badTime = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("yesterday|c1".getBytes(StandardCharsets.UTF_8));
    for (String cursor : List.of("not-a-cursor!", noSeparator, badTime)) {
      InvalidMeetingQueryException e = assertThrows(InvalidMeetingQueryException.class,
          () -> history.find(MeetingQuery.builder().cursor(cursor).build()));
      assertTrue(e.getMessage().contains(cursor), e.getMessage());
      assertTrue(e.getMessage().contains("nextCursor"), e.getMessage());
    }
  }

  @Test
  void find_meeting_asTheTrackerHasItWithParticipants() throws Exception {
    start(true);
    Instant t = T0.plusSeconds(500);
    london.callStart(t, "c9", "Weekly", "space-9", "Owner", "tenant-1", "tag-1");
    london.legStart(t, "leg-1", "c9", "Erin", "sip:erin@example.com", "part-1");
    london.legUpdate(t.plusSeconds(1), "leg-1", "c9", true);
    london.legUpdate(t.plusSeconds(30), "leg-1", "c9", false);
    london.legStart(t.plusSeconds(2), "leg-2", "c9", null, null, null);
    london.legEnd(t.plusSeconds(90), "leg-1", "remoteTeardown",
        List.of(new CallLegEnd.Alarm("packetLoss", 12.5), new CallLegEnd.Alarm("odd=type,", null)),
        88L);
    london.callEnd(t.plusSeconds(120), "c9");
    awaitWritten();
    Meeting expected = tracker.findMeeting("c9").orElseThrow();
    List<Meeting> found = history.find(MeetingQuery.builder().space("space-9").build()).meetings();
    assertEquals(1, found.size());
    assertEquals(expected, found.get(0));
    assertEquals(2, expected.participants().size(), "both legs kept");
    assertEquals(List.of(Meeting.LogKind.MEETING_STARTED, Meeting.LogKind.PARTICIPANT_JOINED,
        Meeting.LogKind.PARTICIPANT_IN_LOBBY, Meeting.LogKind.PARTICIPANT_CONNECTED,
        Meeting.LogKind.PARTICIPANT_JOINED, Meeting.LogKind.PARTICIPANT_LEFT,
        Meeting.LogKind.PARTICIPANT_LEFT, Meeting.LogKind.CALL_ENDED,
        Meeting.LogKind.MEETING_ENDED),
        expected.log().stream().map(Meeting.LogEntry::kind).toList(), "the log is compared too");
  }

  @Test
  void crashAndReopen_everyMeetingWrittenBeforeIsFound() throws Exception {
    start(true);
    tags.put("board", Set.of("vip"));
    threeMeetings();
    awaitWritten();
    List<String> before = ids(history.find(MeetingQuery.builder().build()));
    Meeting c1 = history.find(MeetingQuery.builder().space("sales").clusterId("london")
        .build()).meetings().get(1);
    assertEquals(tracker.findMeeting("c1").orElseThrow(), c1);
    history = crashAndReopen();
    assumeTrue(history != null, "this history keeps nothing across a crash");
    assertEquals(List.of("c3", "c2", "p1", "c1"), before);
    assertEquals(before, ids(history.find(MeetingQuery.builder().build())));
    assertEquals(List.of("c3"), ids(history.find(MeetingQuery.builder().tag("vip").build())));
    assertEquals(List.of("c3", "c1"), ids(history.find(
        MeetingQuery.builder().participantAddress("alice@example.com").build())));
    assertEquals(c1, history.find(MeetingQuery.builder().space("sales")
        .clusterId("london").build()).meetings().get(1));
  }
}
