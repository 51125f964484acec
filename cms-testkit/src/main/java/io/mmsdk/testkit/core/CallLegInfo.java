package io.mmsdk.testkit.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of a simulated call leg, live or ended, as a test sees it through the Java API.
 *
 * @param id the call leg GUID (also used in {@code /callLegs/<id>})
 * @param participantId the participant GUID ({@code /participants/<id>})
 * @param callId the call GUID
 * @param callBridgeId the GUID of the bridge hosting the leg
 * @param remoteParty the remote address
 * @param direction {@code incoming} or {@code outgoing}
 * @param state {@code initial}, {@code ringing}, {@code connected} or {@code ended}
 * @param confirmationStatus {@code notRequired}, {@code pending}, {@code confirmed} or {@code
 *     rejected}
 * @param endReason the callLegEnd reason once ended, otherwise empty string
 * @param digitsReceived every DTMF digit the endpoint sent, in order
 * @param created when the leg started
 * @param deactivated whether the leg waits in the lobby for an activator
 */
public record CallLegInfo(String id, String participantId, String callId, String callBridgeId,
    String remoteParty, String direction, String state, String confirmationStatus, String endReason,
    String digitsReceived, Instant created, boolean deactivated) {

  /** {@return the callLegEnd reason if the leg has ended} */
  public Optional<String> findEndReason() {
    return endReason.isEmpty() ? Optional.empty() : Optional.of(endReason);
  }

  /** {@return whether the leg has ended} */
  public boolean isEnded() {
    return "ended".equals(state);
  }
}
