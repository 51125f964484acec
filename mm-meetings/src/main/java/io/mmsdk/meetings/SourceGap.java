package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A gap on one of the live view's sources: CDRs that are missing (a {@code recordIndex} jump, or
 * records a Call Bridge discarded) or an Events socket that dropped. Each gap is reported once;
 * {@link LiveMeetings} re-syncs the cluster over REST after it, so the view is repaired without a
 * journal.
 *
 * @param source which source had the gap
 * @param clusterId the cluster
 * @param where the Call Bridge session GUID (CDR) or the registered Call Bridge id (Events)
 * @param since when the gap was noticed (the tracker's clock)
 * @param detail what was lost, for example {@code 3 records SEQUENCE_GAP (indices 4..6)}
 */
public record SourceGap(Source source, String clusterId, String where, Instant since,
    String detail) {

  /**
   * Checks the components.
   *
   * @param source which source had the gap
   * @param clusterId the cluster
   * @param where the Call Bridge session GUID (CDR) or the registered Call Bridge id (Events)
   * @param since when the gap was noticed (the tracker's clock)
   * @param detail what was lost
   */
  public SourceGap {
    requireNonNull(source, "source == null");
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(where, "where == null");
    requireNonNull(since, "since == null");
    requireNonNull(detail, "detail == null");
  }

  /** The live view's sources that can have gaps. */
  public enum Source {
    /** Call Detail Records pushed to the receiver. */
    CDR,
    /** A Call Bridge's Events API WebSocket. */
    EVENTS
  }
}
