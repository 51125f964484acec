package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code callEnd} record. Numeric and boolean components are null when absent.
 *
 * @param header the record attributes
 * @param callId the {@code <call id>} GUID
 * @param callLegsCompleted legs completed within the call
 * @param callLegsMaxActive most legs active at the same time
 * @param durationSeconds how long the call was active
 * @param endpointRecorded whether an endpoint recorded the call (CMS 2.4+)
 * @param unknownElements child elements not listed above
 */
public record CallEnd(
    RecordHeader header,
    String callId,
    Long callLegsCompleted,
    Long callLegsMaxActive,
    Long durationSeconds,
    Boolean endpointRecorded,
    List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param callId the {@code <call id>} GUID
   * @param callLegsCompleted legs completed within the call
   * @param callLegsMaxActive most legs active at the same time
   * @param durationSeconds how long the call was active
   * @param endpointRecorded whether an endpoint recorded the call (CMS 2.4+)
   * @param unknownElements child elements not listed above
   */
  public CallEnd {
    requireNonNull(header, "header == null");
    requireNonNull(callId, "callId == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
