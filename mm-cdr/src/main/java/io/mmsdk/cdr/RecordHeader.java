package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The attributes of one {@code <record>} element.
 *
 * @param type the {@code type} attribute, for example {@code callLegEnd}
 * @param time when the Call Bridge generated the record (UTC, one-second resolution)
 * @param recordIndex sequence number per receiver and session, starting at 1
 * @param correlatorIndex sequence number per Call Bridge session, the same for every receiver
 * @param numPreceedingRecordsMissing how many records immediately before this one the Call Bridge
 *     discarded (the attribute's own spelling); 0 when absent
 */
public record RecordHeader(
    String type,
    Instant time,
    long recordIndex,
    long correlatorIndex,
    long numPreceedingRecordsMissing) {

  /**
   * Checks the components.
   *
   * @param type the {@code type} attribute, for example {@code callLegEnd}
   * @param time when the Call Bridge generated the record (UTC, one-second resolution)
   * @param recordIndex sequence number per receiver and session, starting at 1
   * @param correlatorIndex sequence number per Call Bridge session, the same for every receiver
   * @param numPreceedingRecordsMissing how many records immediately before this one the Call Bridge discarded (the attribute's own spelling); 0 when absent
   */
  public RecordHeader {
    requireNonNull(type, "type == null");
    requireNonNull(time, "time == null");
  }
}
