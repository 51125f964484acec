package io.mmsdk.testkit.internal;

import io.mmsdk.testkit.core.EndpointScript;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Not API. The simulated endpoints that call one Call Bridge: dialling in to a coSpace or access
 * method, answering (or not) a dial-out as their {@link EndpointScript} says, the call-confirmation
 * prompt and DTMF. Each step changes the bridge's calls and legs through {@link BridgeNode}, which
 * records the CDRs and pushes the events. Callers hold the engine lock; scheduled steps take it.
 */
final class Endpoints {
  private final BridgeNode bridge;

  Endpoints(BridgeNode bridge) {
    this.bridge = bridge;
  }

  /**
   * A scripted endpoint dials in to a coSpace: returns the connected leg. A leg whose effective call
   * leg profile says {@code needsActivation=true} waits in the lobby ({@code deactivated}) until an
   * activator is connected; an activator joining activates every waiting leg.
   */
  LiveLeg dialIn(String coSpaceId, String remoteParty, String displayName, String callLegProfile) {
    LiveCall call = bridge.startCoSpaceCall(coSpaceId, false);
    LiveLeg leg = bridge.addLeg(call, remoteParty, displayName, "incoming", false, callLegProfile,
        null);
    bridge.controls.admitOnJoin(call, leg);
    bridge.connect(leg);
    bridge.controls.activateWaiting(call);
    return leg;
  }

  /**
   * Resolves a dialled URI user part or call ID to {coSpaceId, callLegProfileId}: an access method's
   * profile wins over its coSpace's. Returns null when nothing matches.
   */
  String[] resolveDialIn(String dialled) {
    String user = dialled.toLowerCase(Locale.ROOT).replaceFirst("^sip:", "")
        .replaceFirst("@.*$", "");
    for (StoredObject am : bridge.engine.store.all("accessMethods", null)) {
      if (user.equalsIgnoreCase(am.getOrEmpty("uri")) || user.equals(am.getOrEmpty("callId"))) {
        StoredObject space = bridge.engine.store.find("coSpaces", am.parentId);
        String profile = am.get("callLegProfile") != null ? am.get("callLegProfile")
            : space == null ? null : space.get("callLegProfile");
        return new String[] {am.parentId, profile};
      }
    }
    for (StoredObject space : bridge.engine.store.all("coSpaces", null)) {
      if (user.equalsIgnoreCase(space.getOrEmpty("uri"))
          || user.equalsIgnoreCase(space.getOrEmpty("secondaryUri"))
          || user.equals(space.getOrEmpty("callId"))) {
        return new String[] {space.id, space.get("callLegProfile")};
      }
    }
    return null;
  }

  /**
   * Dials out from a call to {@code remoteParty} with call leg profile {@code profileId} (may be
   * null) and the overrides {@code setup} sets, following the address's endpoint script.
   */
  LiveLeg dialOut(LiveCall call, String remoteParty, boolean confirmation, String profileId,
      Consumer<LiveLeg> setup) {
    LiveLeg leg = bridge.addLeg(call, remoteParty, remoteParty, "outgoing", confirmation, profileId,
        setup);
    EndpointScript script = bridge.engine.nextAttempt(remoteParty);
    Duration ringing = bridge.engine.options.ringingTimeout();
    switch (script.outcome()) {
      case BUSY -> later(Duration.ZERO, leg, () -> bridge.endLeg(leg, "remoteBusy"));
      case REJECT -> later(Duration.ZERO, leg, () -> bridge.endLeg(leg, "remoteRejected"));
      case UNKNOWN_DESTINATION ->
          later(Duration.ZERO, leg, () -> bridge.endLeg(leg, "unknownDestination"));
      case NO_ANSWER -> {
        later(Duration.ZERO, leg, () -> ringing(leg));
        later(ringing, leg, () -> bridge.endLeg(leg, "ringingTimeout"));
      }
      case ANSWER -> {
        later(Duration.ZERO, leg, () -> ringing(leg));
        if (script.answerDelay().compareTo(ringing) > 0) {
          later(ringing, leg, () -> bridge.endLeg(leg, "ringingTimeout"));
        } else {
          later(script.answerDelay(), leg, () -> answered(leg, script));
        }
      }
    }
    return leg;
  }

  private void ringing(LiveLeg leg) {
    if ("initial".equals(leg.state)) {
      leg.state = "ringing";
      LiveCall call = bridge.calls.get(leg.callId);
      if (call != null) {
        bridge.events.rosterChanged(call, leg, "update");
      }
    }
  }

  private void answered(LiveLeg leg, EndpointScript script) {
    if (leg.confirmation) {
      later(bridge.engine.options.confirmationTimeout(), leg, () -> {
        if ("pending".equals(leg.confirmationStatus)) {
          bridge.endLeg(leg, "confirmationTimeOut");
        }
      });
    } else {
      join(leg);
    }
    for (EndpointScript.KeyPress press : script.keyPresses()) {
      later(press.afterAnswer(), leg, () -> keys(leg, press.digits()));
    }
    script.findHangUpAfter()
        .ifPresent(d -> later(d, leg, () -> bridge.endLeg(leg, "remoteTeardown")));
  }

  /** A dialled-out leg joins its call: the lobby rules apply, then it connects. */
  private void join(LiveLeg leg) {
    LiveCall call = bridge.calls.get(leg.callId);
    if (call == null) {
      bridge.connect(leg);
      return;
    }
    bridge.controls.admitOnJoin(call, leg);
    bridge.connect(leg);
    bridge.controls.activateWaiting(call);
  }

  /** The endpoint on {@code leg} sends DTMF {@code digits}. */
  void keys(LiveLeg leg, String digits) {
    for (char c : digits.toCharArray()) {
      if (leg.isEnded()) {
        return;
      }
      leg.digits.append(c);
      if ("pending".equals(leg.confirmationStatus)) {
        if (c == '1') {
          leg.confirmationStatus = "confirmed";
          join(leg);
        } else if (c == '*') {
          leg.confirmationStatus = "rejected";
          bridge.endLeg(leg, "remoteRejected");
        }
      }
    }
  }

  private void later(Duration delay, LiveLeg leg, Runnable action) {
    bridge.engine.clock.schedule(delay, () -> {
      synchronized (bridge.engine.lock) {
        if (!leg.isEnded() && bridge.up) {
          action.run();
        }
      }
    });
  }
}
