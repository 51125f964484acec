package io.mmsdk.meetings;

import static io.mmsdk.meetings.TrackerState.snapshots;

import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tracker's kept meetings as seen by readers: snapshots of running and ended meetings, {@link
 * MeetingQuery} evaluation and the retention period's clean-up. Each method takes the {@link
 * MeetingTracker}'s lock itself; {@link #find} asks the {@link SpaceTags} between two short
 * holds of it, never under it.
 */
final class RetainedHistory {
  private final Object lock;
  private final TrackerState state;
  private final Duration retention;
  private final SpaceTags spaceTags;

  RetainedHistory(Object lock, TrackerState state, Duration retention, SpaceTags spaceTags) {
    this.lock = lock;
    this.state = state;
    this.retention = retention;
    this.spaceTags = spaceTags;
  }

  /** {@return the running meetings, of {@code clusterId} only unless it is null} */
  List<Meeting> active(String clusterId) {
    return snapshots(state.meetings.values().stream()
        .filter(m -> !m.ended && (clusterId == null || m.cluster.equals(clusterId))).toList());
  }

  List<Meeting> all() {
    return snapshots(state.meetings.values());
  }

  Optional<Meeting> byId(String id) {
    return snapshotOf(state.meetings.get(id));
  }

  Optional<Meeting> findByCall(String clusterId, String callId) {
    return snapshotOf(state.byCall.get(clusterId, callId));
  }

  Optional<Meeting> findActiveInSpace(String clusterId, String spaceId) {
    M m = state.activeBySpace.get(clusterId, spaceId);
    return m == null || m.ended ? Optional.empty() : Optional.of(m.snapshot());
  }

  Optional<Meeting> findOfParticipant(String clusterId, String id) {
    Leg leg = state.legs.get(clusterId, id);
    if (leg == null) {
      leg = state.byParticipant.get(clusterId, id);
    }
    if (leg != null && leg.meeting != null) {
      return Optional.of(leg.meeting.snapshot());
    }
    for (M m : state.meetings.values()) { // a participant that left: no longer indexed
      if (m.cluster.equals(clusterId) && m.hasLegOrParticipant(id)) {
        return Optional.of(m.snapshot());
      }
    }
    return Optional.empty();
  }

  int activeParticipantCount() {
    int n = 0;
    for (M m : state.meetings.values()) {
      n += m.activeParticipants();
    }
    return n;
  }

  /** Evaluates {@code query}; see {@link MeetingTracker#find}. */
  MeetingPage find(MeetingQuery query) {
    MeetingQuery.Position after = query.findCursorPosition().orElse(null);
    String tag = query.findTag().orElse(null);
    if (tag != null && spaceTags == null) {
      throw new InvalidMeetingQueryException("the query asks for tag '" + tag + "' but the "
          + "tracker has no space tags; set MeetingTracker.builder().spaceTags(...)");
    }
    boolean byParticipant = query.findParticipantAddress().isPresent();
    List<Candidate> candidates = new ArrayList<>();
    synchronized (lock) {
      for (M m : state.meetings.values()) {
        MeetingQuery.Position p = new MeetingQuery.Position(m.start, m.id);
        if ((after == null || MeetingQuery.ORDER.compare(p, after) > 0)
            && (tag == null || m.coSpace != null)
            && query.matchesIgnoringTag(m.summary(),
                byParticipant ? m.participantAddresses() : List.of())) {
          candidates.add(new Candidate(p, m.cluster, m.coSpace));
        }
      }
    }
    candidates.sort((a, b) -> MeetingQuery.ORDER.compare(a.position, b.position));
    List<String> ids = new ArrayList<>(query.limit() + 1);
    for (Candidate c : candidates) {
      if (tag == null || spaceTags.tagsOf(c.cluster, c.coSpace).contains(tag)) {
        ids.add(c.position.meetingId());
        if (ids.size() > query.limit()) {
          break;
        }
      }
    }
    boolean more = ids.size() > query.limit();
    List<Meeting> page = new ArrayList<>(Math.min(ids.size(), query.limit()));
    synchronized (lock) {
      for (String id : more ? ids.subList(0, query.limit()) : ids) {
        M m = state.meetings.get(id);
        if (m != null) {
          page.add(m.snapshot());
        }
      }
    }
    return new MeetingPage(page,
        more && !page.isEmpty() ? MeetingQuery.cursorAfter(page.get(page.size() - 1)) : null);
  }

  private record Candidate(MeetingQuery.Position position, String cluster, String coSpace) {}

  /** Forgets meetings that ended more than the retention period before {@code now}. */
  void purgeExpired(Instant now) {
    Instant cutoff = now.minus(retention);
    for (var it = state.meetings.values().iterator(); it.hasNext(); ) {
      M m = it.next();
      if (m.ended && m.endObservedAt.isBefore(cutoff)) {
        it.remove();
        state.forgetIndexes(m);
      }
    }
    state.endedInOrder.removeIf(m -> state.meetings.get(m.id) != m);
  }

  /** Forgets every meeting, and every leg not in one, of cluster {@code clusterId}. */
  void forgetCluster(String clusterId) {
    for (var it = state.meetings.values().iterator(); it.hasNext(); ) {
      M m = it.next();
      if (m.cluster.equals(clusterId)) {
        it.remove();
        state.forgetIndexes(m);
      }
    }
    state.legs.removeIf(l -> l.meeting == null && clusterId.equals(l.cluster));
    state.endedInOrder.removeIf(m -> m.cluster.equals(clusterId));
  }

  private static Optional<Meeting> snapshotOf(M m) {
    return m == null ? Optional.empty() : Optional.of(m.snapshot());
  }
}
