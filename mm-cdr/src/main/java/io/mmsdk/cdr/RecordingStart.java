package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code recordingStart} record. Nullable components are null when absent.
 *
 * @param header the record attributes
 * @param recordingId the {@code <recording id>} GUID
 * @param path where the recording is written
 * @param recorderUrl the recorder's address ({@code recorderUrl} or {@code recorderUri})
 * @param callId the recorded call
 * @param callLegId the recorder's leg
 * @param unknownElements child elements not listed above
 */
public record RecordingStart(
    RecordHeader header,
    String recordingId,
    String path,
    String recorderUrl,
    String callId,
    String callLegId,
    List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param recordingId the {@code <recording id>} GUID
   * @param path where the recording is written
   * @param recorderUrl the recorder's address ({@code recorderUrl} or {@code recorderUri})
   * @param callId the recorded call
   * @param callLegId the recorder's leg
   * @param unknownElements child elements not listed above
   */
  public RecordingStart {
    requireNonNull(header, "header == null");
    requireNonNull(recordingId, "recordingId == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
