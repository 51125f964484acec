package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code callLegStart} record: a participant connection (or a link between Call Bridges) began.
 * Components other than {@code header}, {@code callLegId}, {@code ivr} and {@code unknownElements}
 * are null when absent. {@code callId} is often absent: the call is then named by a later
 * {@link CallLegUpdate}.
 *
 * @param header the record attributes
 * @param callLegId the {@code <callLeg id>} GUID
 * @param callId the call the leg belongs to, if known at start
 * @param displayName the participant's name
 * @param remoteParty the remote URI
 * @param remoteAddress the remote address
 * @param localAddress the local address (destination of incoming calls)
 * @param type {@code sip}, {@code acano}, …
 * @param subType {@code sip}, {@code lync}, {@code avaya}, {@code distributionLink}, …
 * @param lyncSubType {@code audioVideo}, {@code applicationSharing}, {@code instantMessaging}
 * @param direction {@code incoming} or {@code outgoing}
 * @param ownerId set by a remote managing system
 * @param sipCallId the SIP Call-ID
 * @param groupId the id to use for participant API operations
 * @param cdrTag the configured CDR tag
 * @param guestConnection whether this is a web guest login
 * @param recording whether the leg is a recorder
 * @param streaming whether the leg is a streamer
 * @param canMove whether the participant can be moved (CMS 2.6+)
 * @param movedCallLeg the leg this one replaces after a move
 * @param movedCallLegCallBridge the Call Bridge of the moved leg
 * @param replacesSipCallId the SIP Call-ID this leg replaces
 * @param confirmationStatus the confirmation status
 * @param ivr whether the empty {@code <ivr/>} marker was present
 * @param unknownElements child elements not listed above
 */
public record CallLegStart(
    RecordHeader header,
    String callLegId,
    String callId,
    String displayName,
    String remoteParty,
    String remoteAddress,
    String localAddress,
    String type,
    String subType,
    String lyncSubType,
    String direction,
    String ownerId,
    String sipCallId,
    String groupId,
    String cdrTag,
    Boolean guestConnection,
    Boolean recording,
    Boolean streaming,
    Boolean canMove,
    String movedCallLeg,
    String movedCallLegCallBridge,
    String replacesSipCallId,
    String confirmationStatus,
    boolean ivr,
    List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param callLegId the {@code <callLeg id>} GUID
   * @param callId the call the leg belongs to, if known at start
   * @param displayName the participant's name
   * @param remoteParty the remote URI
   * @param remoteAddress the remote address
   * @param localAddress the local address (destination of incoming calls)
   * @param type {@code sip}, {@code acano}, …
   * @param subType {@code sip}, {@code lync}, {@code avaya}, {@code distributionLink}, …
   * @param lyncSubType {@code audioVideo}, {@code applicationSharing}, {@code instantMessaging}
   * @param direction {@code incoming} or {@code outgoing}
   * @param ownerId set by a remote managing system
   * @param sipCallId the SIP Call-ID
   * @param groupId the id to use for participant API operations
   * @param cdrTag the configured CDR tag
   * @param guestConnection whether this is a web guest login
   * @param recording whether the leg is a recorder
   * @param streaming whether the leg is a streamer
   * @param canMove whether the participant can be moved (CMS 2.6+)
   * @param movedCallLeg the leg this one replaces after a move
   * @param movedCallLegCallBridge the Call Bridge of the moved leg
   * @param replacesSipCallId the SIP Call-ID this leg replaces
   * @param confirmationStatus the confirmation status
   * @param ivr whether the empty {@code <ivr/>} marker was present
   * @param unknownElements child elements not listed above
   */
  public CallLegStart {
    requireNonNull(header, "header == null");
    requireNonNull(callLegId, "callLegId == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
