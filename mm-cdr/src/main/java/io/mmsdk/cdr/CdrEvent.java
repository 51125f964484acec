package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link CdrPipeline} tells its listeners: a new record, records known to be missing, or a
 * Call Bridge restart. Events re-delivered from the journal when the pipeline starts have
 * {@link #replayed()} true; a listener that keeps its own durable state can skip them.
 */
public sealed interface CdrEvent
    permits CdrEvent.RecordReceived, CdrEvent.RecordsMissing, CdrEvent.CallBridgeRestarted {

  /** {@return the receiver URI's tags of the batch that caused the event} */
  CdrOrigin origin();

  /** {@return the Call Bridge session GUID} */
  String session();

  /** {@return the Call Bridge GUID, or null for an unclustered Call Bridge} */
  String callBridge();

  /** {@return true if the event is re-delivered from the journal at start-up} */
  boolean replayed();

  /**
   * A record seen for the first time (re-sent duplicates are never delivered twice).
   *
   * @param origin the receiver URI's tags
   * @param session the session GUID
   * @param callBridge the Call Bridge GUID, or null
   * @param record the record
   * @param replayed whether re-delivered from the journal at start-up
   */
  record RecordReceived(
      CdrOrigin origin, String session, String callBridge, CdrRecord record, boolean replayed)
      implements CdrEvent {
    /**
     * Checks the components.
     *
     * @param origin the receiver URI's tags; not null
     * @param session the session GUID; not null
     * @param callBridge the Call Bridge GUID, or null for an unclustered Call Bridge
     * @param record the record; not null
     * @param replayed whether re-delivered from the journal at start-up
     * @throws NullPointerException if {@code origin}, {@code session} or {@code record} is null
     */
    public RecordReceived {
      requireNonNull(origin, "origin == null");
      requireNonNull(session, "session == null");
      requireNonNull(record, "record == null");
    }
  }

  /**
   * Records that will not arrive, or have not arrived yet.
   *
   * @param origin the receiver URI's tags
   * @param session the session GUID
   * @param callBridge the Call Bridge GUID, or null
   * @param cause why they are missing
   * @param count how many records
   * @param firstIndex the first missing index: a {@code recordIndex} for {@link
   *     Cause#SEQUENCE_GAP}, a {@code correlatorIndex} for {@link Cause#DISCARDED_BY_CALL_BRIDGE}
   * @param lastIndex the last missing index, same kind as {@code firstIndex}
   * @param replayed whether re-delivered from the journal at start-up
   */
  record RecordsMissing(
      CdrOrigin origin,
      String session,
      String callBridge,
      Cause cause,
      long count,
      long firstIndex,
      long lastIndex,
      boolean replayed)
      implements CdrEvent {
    /**
     * Checks the components.
     *
     * @param origin the receiver URI's tags; not null
     * @param session the session GUID; not null
     * @param callBridge the Call Bridge GUID, or null for an unclustered Call Bridge
     * @param cause why the records are missing; not null
     * @param count how many records are missing
     * @param firstIndex the first missing index, of the kind {@code cause} implies
     * @param lastIndex the last missing index, of the same kind
     * @param replayed whether re-delivered from the journal at start-up
     * @throws NullPointerException if {@code origin}, {@code session} or {@code cause} is null
     */
    public RecordsMissing {
      requireNonNull(origin, "origin == null");
      requireNonNull(session, "session == null");
      requireNonNull(cause, "cause == null");
    }

    /** Why records are missing. */
    public enum Cause {
      /**
       * The {@code recordIndex} sequence jumped: records in between were not received (yet). If
       * they arrive later they are delivered normally.
       */
      SEQUENCE_GAP,
      /**
       * The Call Bridge said ({@code numPreceedingRecordsMissing}) that it discarded records
       * because it could not buffer them while this receiver was unreachable.
       */
      DISCARDED_BY_CALL_BRIDGE
    }
  }

  /**
   * A Call Bridge started a new session: it restarted, and calls it was running are gone.
   *
   * @param origin the receiver URI's tags
   * @param session the new session GUID
   * @param callBridge the Call Bridge GUID, or null for an unclustered Call Bridge
   * @param previousSession the session GUID before the restart
   * @param replayed whether re-delivered from the journal at start-up
   */
  record CallBridgeRestarted(
      CdrOrigin origin, String session, String callBridge, String previousSession, boolean replayed)
      implements CdrEvent {
    /**
     * Checks the components.
     *
     * @param origin the receiver URI's tags; not null
     * @param session the new session GUID; not null
     * @param callBridge the Call Bridge GUID, or null for an unclustered Call Bridge
     * @param previousSession the session GUID before the restart; not null
     * @param replayed whether re-delivered from the journal at start-up
     * @throws NullPointerException if {@code origin}, {@code session} or {@code previousSession}
     *     is null
     */
    public CallBridgeRestarted {
      requireNonNull(origin, "origin == null");
      requireNonNull(session, "session == null");
      requireNonNull(previousSession, "previousSession == null");
    }
  }
}
