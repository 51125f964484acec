package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One active call as a poll of a cluster sees it ({@code GET /calls} and the call's legs), for
 * {@link BlastDial#observeCalls(String, List)}.
 *
 * @param callId the CMS call id
 * @param spaceId the coSpace the call belongs to, or an empty string for ad hoc calls
 * @param participantAddresses addresses of the participants in join order (oldest first)
 */
public record ActiveCall(String callId, String spaceId, List<String> participantAddresses) {
  /**
   * Checks the arguments and copies the list.
   *
   * @param callId the CMS call id
   * @param spaceId the coSpace the call belongs to, or an empty string for ad hoc calls
   * @param participantAddresses addresses of the participants in join order (oldest first)
   */
  public ActiveCall {
    requireNonNull(callId, "callId == null");
    requireNonNull(spaceId, "spaceId == null");
    participantAddresses = List.copyOf(participantAddresses);
  }
}
