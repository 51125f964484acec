package io.mmsdk.blastdial;

import io.mmsdk.cms.api.CallLeg;
import java.util.List;

/**
 * What blast dial needs from the Call Bridge hosting a meeting. The production implementation sits
 * on cms-api-client; tests may use cms-testkit through the same client. Implementations must be
 * thread-safe: blast dial calls them from several threads at once (bounded by {@link
 * BlastDial.Builder#maxConcurrentRequests(int)}).
 */
public interface CallBridgeGateway {

  /**
   * Dials {@code remoteParty} into the active call {@code callId} ({@code POST
   * /calls/<callId>/callLegs} with {@code remoteParty} and {@code confirmation}).
   *
   * @param confirmation whether the remote party must confirm with a key press (the "Press 1 to
   *     enter the meeting or * to hang up" prompt)
   * @param callId the active call to add the leg to
   * @param remoteParty the contact's address (URI) to dial
   * @return the new call leg's id
   * @throws BridgeBusyException when the bridge answered 503; the request is sent again later and
   *     not counted as an attempt
   * @throws RuntimeException any other failure, counted as a failed attempt
   */
  String dialOut(String callId, String remoteParty, boolean confirmation);

  /**
   * {@return the call legs of the active call {@code callId} as {@code GET /callLegs/<id>} returns
   * them (blast dial reads {@code remoteParty}, {@code direction} and {@code status/state}), or an
   * empty list if the call has ended} Used by a Secondary to see whether another instance has
   * started to dial out, and after a restart to find out what happened while this instance was
   * down.
   *
   * @param callId the call to look at
   */
  List<CallLeg> callLegs(String callId);

  /**
   * {@return whether the call {@code callId} is still active on the bridge}
   *
   * @param callId the call to look at
   */
  boolean isCallActive(String callId);
}
