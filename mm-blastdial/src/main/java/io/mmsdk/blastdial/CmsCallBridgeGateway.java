package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsBusyException;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsNotFoundException;
import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.api.CallLegParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link CallBridgeGateway} on cms-api-client's typed API: dial-outs are {@code POST
 * /calls/<callId>/callLegs} with {@code remoteParty} and {@code confirmation}; legs are read with
 * {@code GET /calls/<callId>/callLegs} plus {@code GET /callLegs/<id>} for direction and state. Use
 * the client of the Call Bridge that hosts the call (added call legs are not load balanced across
 * a cluster). Thread-safe; does not close the client.
 */
public final class CmsCallBridgeGateway implements CallBridgeGateway {
  private final CmsClient client;

  private CmsCallBridgeGateway(CmsClient client) {
    this.client = client;
  }

  /**
   * {@return a gateway that talks to the Call Bridge behind {@code client}}
   *
   * @param client a client of the Call Bridge the meetings run on; not null
   */
  public static CmsCallBridgeGateway create(CmsClient client) {
    return new CmsCallBridgeGateway(requireNonNull(client, "client == null"));
  }

  @Override
  public String dialOut(String callId, String remoteParty, boolean confirmation) {
    requireNonNull(callId, "callId == null");
    requireNonNull(remoteParty, "remoteParty == null");
    try {
      return client.api().callCallLegs(callId).create(CallLegParameters.builder()
          .remoteParty(remoteParty)
          .confirmation(confirmation)
          .build());
    } catch (CmsBusyException e) {
      throw new BridgeBusyException(
          "The Call Bridge at " + client.apiBase() + " answered 503 to a dial-out for call "
              + callId + "; blast dial sends it again after a back-off",
          e);
    }
  }

  @Override
  public List<CallLeg> callLegs(String callId) {
    requireNonNull(callId, "callId == null");
    List<CallLeg> result = new ArrayList<>();
    try {
      // The list is a summary without direction and state: read each leg in full.
      for (CallLeg listed : client.api().callCallLegs(callId).list()) {
        client.api().callLegs().find(listed.id()).ifPresent(result::add);
      }
    } catch (CmsNotFoundException e) {
      return List.of();
    }
    return result;
  }

  @Override
  public boolean isCallActive(String callId) {
    requireNonNull(callId, "callId == null");
    return client.api().calls().find(callId).isPresent();
  }

  @Override
  public String toString() {
    return "CmsCallBridgeGateway[" + client.apiBase() + "]";
  }
}
