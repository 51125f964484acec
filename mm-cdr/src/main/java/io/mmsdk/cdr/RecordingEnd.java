package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code recordingEnd} record.
 *
 * @param header the record attributes
 * @param recordingId the {@code <recording id>} GUID
 * @param unknownElements child elements of {@code <recording>}, if any
 */
public record RecordingEnd(RecordHeader header, String recordingId, List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param recordingId the {@code <recording id>} GUID
   * @param unknownElements child elements of {@code <recording>}, if any
   */
  public RecordingEnd {
    requireNonNull(header, "header == null");
    requireNonNull(recordingId, "recordingId == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
