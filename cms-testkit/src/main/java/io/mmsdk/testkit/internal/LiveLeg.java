package io.mmsdk.testkit.internal;

import io.mmsdk.testkit.core.CallLegInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
  /** The call leg profile in force (the access method's, coSpace's or the one POSTed), or null. */
  String profileId;
  String state = "initial";
  String confirmationStatus;
  boolean deactivated;
  boolean needsActivation;
  /** The call leg's own overrides of call leg profile values, as PUT or POSTed ({@code configuration}). */
  final Map<String, String> configuration = new LinkedHashMap<>();
  /** The participant's importance, null when unset. */
  Long importance;
  String nameLabelOverride;
  /** The participant and leg this one was moved from, and the bridge that hosted them. */
  String movedParticipant;
  String movedCallLeg;
  String movedCallBridge;
  /** Held in the lobby by a lock ({@code lockMode=all}) rather than by needing activation. */
  boolean heldByLock;
  /** Admitted on creation ({@code deactivated=false} in the POST): skips the lobby. */
  boolean bypassLobby;
  /** DTMF from the POST that created the leg, played once it connects. */
  String pendingDtmf = "";
  /** Driven by tests: the endpoint is the call's active speaker / is presenting. */
  boolean activeSpeaker;
  boolean presenter;
  String endReason = "";
  final StringBuilder digits = new StringBuilder();
  private Duration activated = Duration.ZERO;
  private Instant activeSince;

  LiveLeg(String id, String participantId, String callId, String remoteParty, String displayName,
      String direction, Instant created, boolean confirmation, String profileId) {
    this.id = id;
    this.participantId = participantId;
    this.callId = callId;
    this.remoteParty = remoteParty;
    this.displayName = displayName;
    this.direction = direction;
    this.created = created;
    this.confirmation = confirmation;
    this.confirmationStatus = confirmation ? "pending" : "notRequired";
    this.profileId = profileId;
  }

  boolean isEnded() {
    return "ended".equals(state);
  }

  /** The name others see: the {@code nameLabelOverride} if set, else the display name. */
  String name() {
    return nameLabelOverride != null ? nameLabelOverride : displayName;
  }

  /** Starts or stops counting activated time (connected and out of the lobby). */
  void trackActivation(Instant now) {
    boolean active = "connected".equals(state) && !deactivated;
    if (active && activeSince == null) {
      activeSince = now;
    } else if (!active && activeSince != null) {
      activated = activated.plus(Duration.between(activeSince, now));
      activeSince = null;
    }
  }

  /** Seconds the leg was connected outside the lobby, up to {@code now}. */
  long activatedSeconds(Instant now) {
    Duration total = activeSince == null ? activated
        : activated.plus(Duration.between(activeSince, now));
    return total.toSeconds();
  }

  CallLegInfo info(String bridgeId) {
    return new CallLegInfo(id, participantId, callId, bridgeId, remoteParty, direction, state,
        confirmationStatus, endReason, digits.toString(), created, deactivated);
  }
}
