package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code streamingEnd} record.
 *
 * @param header the record attributes
 * @param streamingId the {@code <streaming id>} GUID
 * @param unknownElements child elements of {@code <streaming>}, if any
 */
public record StreamingEnd(RecordHeader header, String streamingId, List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param streamingId the {@code <streaming id>} GUID
   * @param unknownElements child elements of {@code <streaming>}, if any
   */
  public StreamingEnd {
    requireNonNull(header, "header == null");
    requireNonNull(streamingId, "streamingId == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
