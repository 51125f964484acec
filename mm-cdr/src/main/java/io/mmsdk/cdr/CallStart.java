package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code callStart} record: a call (one Call Bridge's part of a meeting) started. String
 * components other than {@code callId} are null when the record did not carry them.
 *
 * @param header the record attributes
 * @param callId the {@code <call id>} GUID
 * @param name the call's name
 * @param ownerName the owner's name
 * @param callType {@code coSpace}, {@code adHoc}, {@code lyncConferencing}, {@code forwarding}, or
 *     another value the Call Bridge sent
 * @param coSpace the space GUID, if the call is in a space
 * @param callCorrelator shared by the calls of one meeting across Call Bridges
 * @param tenant the tenant GUID
 * @param cdrTag the configured CDR tag
 * @param unknownElements child elements not listed above
 */
public record CallStart(
    RecordHeader header,
    String callId,
    String name,
    String ownerName,
    String callType,
    String coSpace,
    String callCorrelator,
    String tenant,
    String cdrTag,
    List<RawElement> unknownElements)
    implements CdrRecord {

  /**
   * Checks and copies the components.
   *
   * @param header the record attributes
   * @param callId the {@code <call id>} GUID
   * @param name the call's name
   * @param ownerName the owner's name
   * @param callType {@code coSpace}, {@code adHoc}, {@code lyncConferencing}, {@code forwarding}, or another value the Call Bridge sent
   * @param coSpace the space GUID, if the call is in a space
   * @param callCorrelator shared by the calls of one meeting across Call Bridges
   * @param tenant the tenant GUID
   * @param cdrTag the configured CDR tag
   * @param unknownElements child elements not listed above
   */
  public CallStart {
    requireNonNull(header, "header == null");
    requireNonNull(callId, "callId == null");
    unknownElements = List.copyOf(unknownElements);
  }
}
