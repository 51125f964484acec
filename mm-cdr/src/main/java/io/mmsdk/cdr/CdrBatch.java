package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One {@code <records>} document as a Call Bridge posts it.
 *
 * @param session the {@code session} GUID; changes when the Call Bridge restarts
 * @param callBridge the {@code callBridge} GUID; stable across restarts, null when unclustered
 * @param records the records in document order
 * @param unknownElements children of {@code <records>} other than {@code <record>}, kept as data
 */
public record CdrBatch(
    String session, String callBridge, List<CdrRecord> records, List<RawElement> unknownElements) {

  /**
   * Checks and copies the components.
   *
   * @param session the {@code session} GUID; changes when the Call Bridge restarts
   * @param callBridge the {@code callBridge} GUID; stable across restarts, null when unclustered
   * @param records the records in document order
   * @param unknownElements children of {@code <records>} other than {@code <record>}, kept as data
   */
  public CdrBatch {
    requireNonNull(session, "session == null");
    records = List.copyOf(records);
    unknownElements = List.copyOf(unknownElements);
  }
}
