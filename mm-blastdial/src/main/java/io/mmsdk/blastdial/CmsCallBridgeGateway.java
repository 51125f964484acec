package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsBusyException;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsNotFoundException;
import io.mmsdk.cms.CmsObject;
import io.mmsdk.cms.Form;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CallBridgeGateway} on cms-api-client: dial-outs are {@code POST
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
      return client
          .callLegsOf(callId)
          .create(
              Form.builder()
                  .set("remoteParty", remoteParty)
                  .set("confirmation", Boolean.toString(confirmation))
                  .build());
    } catch (CmsBusyException e) {
      throw new BridgeBusyException(
          "The Call Bridge at " + client.apiBase() + " answered 503 to a dial-out for call "
              + callId + "; blast dial sends it again after a back-off",
          e);
    }
  }

  @Override
  public List<CallLegSummary> callLegs(String callId) {
    requireNonNull(callId, "callId == null");
    List<CallLegSummary> result = new ArrayList<>();
    try {
      for (CmsObject listed : client.callLegsOf(callId).list()) {
        Optional<CmsObject> leg = client.callLegs().find(listed.id());
        if (leg.isEmpty()) {
          continue;
        }
        CmsObject l = leg.get();
        result.add(
            new CallLegSummary(
                l.id(),
                l.findText("remoteParty").orElse(listed.findText("remoteParty").orElse("")),
                "outgoing".equals(l.findText("direction").orElse("")),
                l.findText("status/state").orElse("")));
      }
    } catch (CmsNotFoundException e) {
      return List.of();
    }
    return result;
  }

  @Override
  public boolean isCallActive(String callId) {
    requireNonNull(callId, "callId == null");
    return client.calls().find(callId).isPresent();
  }

  @Override
  public String toString() {
    return "CmsCallBridgeGateway[" + client.apiBase() + "]";
  }
}
