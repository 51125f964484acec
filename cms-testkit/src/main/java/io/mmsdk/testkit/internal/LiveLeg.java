package io.mmsdk.testkit.internal;

import io.mmsdk.testkit.CallLegInfo;
import java.time.Instant;

/** Not API. A call leg (and its participant) on one bridge. */
final class LiveLeg {
  final String id;
  final String participantId;
  final String callId;
  final String remoteParty;
  final String displayName;
  final String direction;
  final Instant created;
  final boolean confirmation;
  String state = "initial";
  String confirmationStatus;
  Instant connectedAt;
  boolean deactivated;
  boolean needsActivation;
  String chosenLayout;
  String endReason = "";
  final StringBuilder digits = new StringBuilder();

  LiveLeg(String id, String participantId, String callId, String remoteParty, String displayName,
      String direction, Instant created, boolean confirmation) {
    this.id = id;
    this.participantId = participantId;
    this.callId = callId;
    this.remoteParty = remoteParty;
    this.displayName = displayName;
    this.direction = direction;
    this.created = created;
    this.confirmation = confirmation;
    this.confirmationStatus = confirmation ? "pending" : "notRequired";
  }

  boolean isEnded() {
    return "ended".equals(state);
  }

  CallLegInfo info(String bridgeId) {
    return new CallLegInfo(id, participantId, callId, bridgeId, remoteParty, direction, state,
        confirmationStatus, endReason, digits.toString(), created, deactivated);
  }
}
