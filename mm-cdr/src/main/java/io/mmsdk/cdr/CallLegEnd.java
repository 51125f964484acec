package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code callLegEnd} record: a leg ended, with its reason and media quality summary. Nullable
 * components are null when absent.
 *
 * @param header the record attributes
 * @param callLegId the {@code <callLeg id>} GUID
 * @param reason why the leg ended, for example {@code remoteTeardown} or {@code callEnded}
 * @param remoteTeardown whether the far end hung up
 * @param durationSeconds how long the leg lasted
 * @param activatedDuration seconds the leg was activated (not waiting in the lobby)
 * @param encryptedMedia whether media was encrypted
 * @param unencryptedMedia whether media was unencrypted
 * @param confirmationStatus the confirmation status, for example {@code rejected}
 * @param sipCallId the SIP Call-ID
 * @param ownerId set by a remote managing system
 * @param cdrTag the configured CDR tag
 * @param maxScreens the most screens used
 * @param mediaUsagePercentages share of the leg's time per media role
 * @param alarms every {@code <alarm>} in document order (never null, often empty)
 * @param rxAudio received audio
 * @param txAudio sent audio
 * @param rxVideo received video
 * @param txVideo sent video
 * @param unknownElements child elements not listed above
 */
public record CallLegEnd(
    RecordHeader header,
    String callLegId,
    String reason,
    Boolean remoteTeardown,
    Long durationSeconds,
    Long activatedDuration,
    Boolean encryptedMedia,
    Boolean unencryptedMedia,
    String confirmationStatus,
    String sipCallId,
    String ownerId,
    String cdrTag,
    Integer maxScreens,
    MediaUsagePercentages mediaUsagePercentages,
    List<Alarm> alarms,
    MediaStream rxAudio,
    MediaStream txAudio,
    MediaStream rxVideo,
    MediaStream txVideo,
    List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param callLegId the {@code <callLeg id>} GUID
   * @param reason why the leg ended, for example {@code remoteTeardown} or {@code callEnded}
   * @param remoteTeardown whether the far end hung up
   * @param durationSeconds how long the leg lasted
   * @param activatedDuration seconds the leg was activated (not waiting in the lobby)
   * @param encryptedMedia whether media was encrypted
   * @param unencryptedMedia whether media was unencrypted
   * @param confirmationStatus the confirmation status, for example {@code rejected}
   * @param sipCallId the SIP Call-ID
   * @param ownerId set by a remote managing system
   * @param cdrTag the configured CDR tag
   * @param maxScreens the most screens used
   * @param mediaUsagePercentages share of the leg's time per media role
   * @param alarms every {@code <alarm>} in document order (never null, often empty)
   * @param rxAudio received audio
   * @param txAudio sent audio
   * @param rxVideo received video
   * @param txVideo sent video
   * @param unknownElements child elements not listed above
   */
  public CallLegEnd {
    requireNonNull(header, "header == null");
    requireNonNull(callLegId, "callLegId == null");
    alarms = List.copyOf(alarms);
    unknownElements = List.copyOf(unknownElements);
  }

  /**
   * An {@code <alarm>}: a media quality problem and the share of the leg's time it lasted.
   *
   * @param type for example {@code packetLoss}, {@code excessiveJitter}, {@code highRoundTripTime}
   * @param durationPercentage percentage of the leg's duration, null if absent
   */
  public record Alarm(String type, Double durationPercentage) {
    /**
     * Checks the components.
     *
     * @param type for example {@code packetLoss}, {@code excessiveJitter}, {@code highRoundTripTime}
     * @param durationPercentage percentage of the leg's duration, null if absent
     */
    public Alarm {
      requireNonNull(type, "type == null");
    }
  }

  /**
   * The {@code <mediaUsagePercentages>} element; each value is a percentage or null if absent.
   *
   * @param mainVideoViewer main video received
   * @param mainVideoContributor main video sent
   * @param presentationViewer presentation received
   * @param presentationContributor presentation sent
   * @param multiStreamVideo multi-stream video
   */
  public record MediaUsagePercentages(
      Double mainVideoViewer,
      Double mainVideoContributor,
      Double presentationViewer,
      Double presentationContributor,
      Double multiStreamVideo) {}

  /**
   * One of {@code rxAudio}, {@code txAudio}, {@code rxVideo}, {@code txVideo}.
   *
   * @param codec for example {@code opus}, {@code g722}, {@code h264}; null if absent
   * @param maxSizeWidth largest video width, null for audio or if absent
   * @param maxSizeHeight largest video height, null for audio or if absent
   * @param packetLossBursts the {@code packetStatistics/packetLossBursts} summary, null if absent
   * @param packetGap the {@code packetStatistics/packetGap} summary, null if absent
   */
  public record MediaStream(
      String codec,
      Integer maxSizeWidth,
      Integer maxSizeHeight,
      LossPeriods packetLossBursts,
      LossPeriods packetGap) {}

  /**
   * Packet statistics for bursts of loss or gaps.
   *
   * @param duration the duration value, null if absent
   * @param density the density value, null if absent
   */
  public record LossPeriods(Double duration, Double density) {}
}
