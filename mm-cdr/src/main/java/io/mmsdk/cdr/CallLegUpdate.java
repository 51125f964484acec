package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code callLegUpdate} record: something about a leg changed. Nullable components are null
 * when absent.
 *
 * @param header the record attributes
 * @param callLegId the {@code <callLeg id>} GUID
 * @param state {@code connected} once connected; null before
 * @param callId the call the leg is in, unless it is in an IVR
 * @param ivr whether the empty {@code <ivr/>} marker was present
 * @param deactivated true while a guest waits in the lobby, false once activated
 * @param ownerId set by a remote managing system
 * @param sipCallId the SIP Call-ID
 * @param groupId the id to use for participant API operations
 * @param displayName the participant's name
 * @param remoteAddress the remote address
 * @param canMove whether the participant can be moved
 * @param confirmationStatus the confirmation status
 * @param cdrTag the configured CDR tag
 * @param unknownElements child elements not listed above
 */
public record CallLegUpdate(
    RecordHeader header,
    String callLegId,
    String state,
    String callId,
    boolean ivr,
    Boolean deactivated,
    String ownerId,
    String sipCallId,
    String groupId,
    String displayName,
    String remoteAddress,
    Boolean canMove,
    String confirmationStatus,
    String cdrTag,
    List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param callLegId the {@code <callLeg id>} GUID
   * @param state {@code connected} once connected; null before
   * @param callId the call the leg is in, unless it is in an IVR
   * @param ivr whether the empty {@code <ivr/>} marker was present
   * @param deactivated true while a guest waits in the lobby, false once activated
   * @param ownerId set by a remote managing system
   * @param sipCallId the SIP Call-ID
   * @param groupId the id to use for participant API operations
   * @param displayName the participant's name
   * @param remoteAddress the remote address
   * @param canMove whether the participant can be moved
   * @param confirmationStatus the confirmation status
   * @param cdrTag the configured CDR tag
   * @param unknownElements child elements not listed above
   */
  public CallLegUpdate {
    requireNonNull(header, "header == null");
    requireNonNull(callLegId, "callLegId == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
