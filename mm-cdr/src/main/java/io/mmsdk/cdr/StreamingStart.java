package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code streamingStart} record. Nullable components are null when absent.
 *
 * @param header the record attributes
 * @param streamingId the {@code <streaming id>} GUID
 * @param streamUrl where the stream goes, for example an {@code rtmp://} URL
 * @param streamerUrl the streamer's address ({@code streamerUrl} or {@code streamerUri})
 * @param callId the streamed call
 * @param callLegId the streamer's leg
 * @param unknownElements child elements not listed above
 */
public record StreamingStart(
    RecordHeader header,
    String streamingId,
    String streamUrl,
    String streamerUrl,
    String callId,
    String callLegId,
    List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param streamingId the {@code <streaming id>} GUID
   * @param streamUrl where the stream goes, for example an {@code rtmp://} URL
   * @param streamerUrl the streamer's address ({@code streamerUrl} or {@code streamerUri})
   * @param callId the streamed call
   * @param callLegId the streamer's leg
   * @param unknownElements child elements not listed above
   */
  public StreamingStart {
    requireNonNull(header, "header == null");
    requireNonNull(streamingId, "streamingId == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
