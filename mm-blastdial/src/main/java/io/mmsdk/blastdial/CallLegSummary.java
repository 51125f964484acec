package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

/**
 * A call leg as the Call Bridge lists it ({@code GET /calls/<id>/callLegs}).
 *
 * @param id the call leg id
 * @param remoteParty the far end's address
 * @param outgoing whether the leg was dialed out ({@code direction=outgoing})
 * @param state {@code initial}, {@code ringing}, {@code connected} or {@code onHold}; empty if unknown
 */
public record CallLegSummary(String id, String remoteParty, boolean outgoing, String state) {
  /**
   * Checks the arguments.
   *
   * @param id the call leg id
   * @param remoteParty the far end's address
   * @param outgoing whether the leg was dialed out ({@code direction=outgoing})
   * @param state {@code initial}, {@code ringing}, {@code connected} or {@code onHold}; empty if unknown
   */
  public CallLegSummary {
    requireNonNull(id, "id == null");
    requireNonNull(remoteParty, "remoteParty == null");
    requireNonNull(state, "state == null");
  }
}
