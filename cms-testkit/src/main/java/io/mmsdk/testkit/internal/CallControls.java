package io.mmsdk.testkit.internal;

import static io.mmsdk.testkit.internal.ControlParameters.BULK;
import static io.mmsdk.testkit.internal.ControlParameters.CREATE_ONLY;
import static io.mmsdk.testkit.internal.ControlParameters.LAYOUTS;
import static io.mmsdk.testkit.internal.ControlParameters.MAX_FILTER_IDS;
import static io.mmsdk.testkit.internal.ControlParameters.MAX_IMPORTANCE;
import static io.mmsdk.testkit.internal.ControlParameters.flag;
import static io.mmsdk.testkit.internal.ControlParameters.number;
import static io.mmsdk.testkit.internal.ControlParameters.requireIn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Not API. The operator controls of one bridge's live calls: what PUT and POST on calls, call legs
 * and participants change (checked against the blueprint's parameter tables first, so a refused
 * request changes nothing), the lobby rules, and the Events and CDRs each change produces. Callers
 * hold {@code engine.lock}.
 */
final class CallControls {
  private final BridgeNode bridge;

  CallControls(BridgeNode bridge) {
    this.bridge = bridge;
  }

  // ---- effective values ----

  /** The leg's value of a call leg profile field: its own override, else its profile's, else null. */
  String effective(LiveLeg leg, String field) {
    String own = leg.configuration.get(field);
    if (own != null) {
      return own;
    }
    StoredObject profile = leg.profileId == null ? null
        : bridge.engine.store.find("callLegProfiles", leg.profileId);
    return profile == null ? null : profile.get(field);
  }

  boolean effectiveBoolean(LiveLeg leg, String field) {
    return "true".equals(effective(leg, field));
  }

  /** The layout the leg sees: chosen, else default (own or profile), else the space's, else automatic. */
  String effectiveLayout(LiveLeg leg) {
    String chosen = leg.configuration.get("chosenLayout");
    if (chosen != null) {
      return chosen;
    }
    String fallback = effective(leg, "defaultLayout");
    if (fallback != null) {
      return fallback;
    }
    LiveCall call = bridge.calls.get(leg.callId);
    StoredObject space = call == null || call.coSpaceId == null ? null
        : bridge.engine.store.find("coSpaces", call.coSpaceId);
    String spaceLayout = space == null ? null : space.get("defaultLayout");
    return spaceLayout != null ? spaceLayout : "automatic";
  }

  /** The call profile in force for a call: its coSpace's, else its tenant's, or null. */
  StoredObject callProfile(LiveCall call) {
    StoredObject space = call.coSpaceId == null ? null
        : bridge.engine.store.find("coSpaces", call.coSpaceId);
    String id = space == null ? null : space.get("callProfile");
    if (id == null && call.tenant != null) {
      StoredObject tenant = bridge.engine.store.find("tenants", call.tenant);
      id = tenant == null ? null : tenant.get("callProfile");
    }
    return id == null ? null : bridge.engine.store.find("callProfiles", id);
  }

  private String callProfileValue(LiveCall call, String field, String fallback) {
    StoredObject profile = callProfile(call);
    String value = profile == null ? null : profile.get(field);
    return value == null || value.isEmpty() ? fallback : value;
  }

  // ---- call leg and participant changes ----

  /**
   * {@code PUT /callLegs/<id>}, {@code PUT /participants/<id>} and
   * {@code PUT /calls/<call>/participants/<id>}: checks every parameter, then applies them all.
   */
  void modifyLeg(LiveLeg leg, Map<String, String> form) {
    for (String name : CREATE_ONLY) {
      if (form.containsKey(name)) {
        throw ApiFailure.invalidValue(name);
      }
    }
    Map<String, String> overrides = ControlParameters.legOverrides(form);
    ControlParameters.checkParticipant(form, bridge.engine.store);
    boolean cdrChange = false;
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      if (e.getValue().isEmpty()) {
        leg.configuration.remove(e.getKey());
      } else {
        leg.configuration.put(e.getKey(), e.getValue());
      }
    }
    if (form.containsKey("callLegProfile")) {
      String profile = form.get("callLegProfile");
      leg.profileId = profile.isEmpty() ? null : profile;
    }
    if (form.containsKey("importance")) {
      String importance = form.get("importance");
      leg.importance = importance.isEmpty() ? null : Long.parseLong(importance.trim());
    }
    if (form.containsKey("nameLabelOverride")) {
      String label = form.get("nameLabelOverride");
      leg.nameLabelOverride = label.isEmpty() ? null : label;
      cdrChange = true;
    }
    if (form.containsKey("dtmfSequence")) {
      leg.digits.append(form.get("dtmfSequence").replace(",", ""));
    }
    LiveCall call = bridge.calls.get(leg.callId);
    boolean wasDeactivated = leg.deactivated;
    if (overrides.containsKey("needsActivation") || form.containsKey("callLegProfile")) {
      leg.needsActivation = effectiveBoolean(leg, "needsActivation");
      if (!leg.needsActivation && leg.deactivated && !leg.heldByLock) {
        leg.deactivated = false;
      }
    }
    if (form.containsKey("deactivated")) {
      leg.deactivated = Boolean.parseBoolean(form.get("deactivated"));
      leg.bypassLobby = !leg.deactivated; // an admit before the leg connects holds on connect
      leg.heldByLock = false;
    }
    cdrChange |= wasDeactivated != leg.deactivated;
    if (cdrChange) {
      bridge.legUpdate(leg);
    } else if (call != null) {
      bridge.events.rosterChanged(call, leg, "update");
    }
    if (call != null && !leg.deactivated && !leg.needsActivation) {
      activateWaiting(call);
    }
  }

  /** {@code PUT /calls/<id>/participants/*}: mute, layout and importance for all or some. */
  void modifyAll(LiveCall call, Map<String, String> form) {
    for (String name : form.keySet()) {
      if (!BULK.contains(name)) {
        throw ApiFailure.invalidValue(name);
      }
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String name : List.of("rxAudioMute", "txAudioMute", "rxVideoMute", "txVideoMute")) {
      if (form.containsKey(name)) {
        requireIn(name, form.get(name), Set.of("true", "false"));
        overrides.put(name, form.get(name));
      }
    }
    if (form.containsKey("layout")) {
      requireIn("layout", form.get("layout"), LAYOUTS);
      overrides.put("chosenLayout", form.get("layout"));
    }
    String importance = form.get("importance");
    if (importance != null && !importance.isEmpty()) {
      number("importance", importance, MAX_IMPORTANCE);
    }
    String mode = form.getOrDefault("mode", "exclude");
    requireIn("mode", mode, Set.of("exclude", "selected"));
    Set<String> ids = new HashSet<>();
    String filter = form.getOrDefault("filterIds", "");
    if (!filter.isBlank()) {
      for (String id : filter.split(",")) {
        ids.add(id.trim());
      }
    }
    if (ids.size() > MAX_FILTER_IDS) {
      throw ApiFailure.invalidValue("filterIds");
    }
    boolean selected = mode.equals("selected");
    for (LiveLeg leg : new ArrayList<>(call.legs.values())) {
      if (ids.contains(leg.participantId) != selected) {
        continue;
      }
      overrides.forEach((k, v) -> {
        if (v.isEmpty()) {
          leg.configuration.remove(k);
        } else {
          leg.configuration.put(k, v);
        }
      });
      if (importance != null) {
        leg.importance = importance.isEmpty() ? null : Long.parseLong(importance.trim());
      }
      bridge.events.rosterChanged(call, leg, "update");
    }
  }

  // ---- lobby ----

  /**
   * Decides whether a leg that is about to connect waits in the lobby: it does when it needs
   * activation and no activator is connected, or the call is locked ({@code lockMode=all} holds
   * every newcomer; {@code needsActivation}, the default, only those needing activation).
   */
  void admitOnJoin(LiveCall call, LiveLeg leg) {
    if (leg.bypassLobby) {
      leg.deactivated = false;
      return;
    }
    boolean lockAll = call.locked && "all".equals(callProfileValue(call, "lockMode", "needsActivation"));
    if (lockAll) {
      leg.deactivated = true;
      leg.heldByLock = true;
    } else if (leg.needsActivation) {
      leg.deactivated = call.locked || !activatorPresent(call, leg);
      leg.heldByLock = call.locked;
    } else {
      leg.deactivated = false;
    }
  }

  private static boolean activatorPresent(LiveCall call, LiveLeg except) {
    for (LiveLeg l : call.legs.values()) {
      if (l != except && !l.needsActivation && !l.deactivated && "connected".equals(l.state)) {
        return true;
      }
    }
    return false;
  }

  /** Activates legs waiting for an activator, when one is connected and the call is not locked. */
  void activateWaiting(LiveCall call) {
    if (call.locked || !activatorPresent(call, null)) {
      return;
    }
    for (LiveLeg waiting : new ArrayList<>(call.legs.values())) {
      if (waiting.deactivated && waiting.needsActivation && !waiting.heldByLock
          && "connected".equals(waiting.state)) {
        waiting.deactivated = false;
        bridge.legUpdate(waiting);
      }
    }
  }

  private void unlock(LiveCall call) {
    for (LiveLeg held : new ArrayList<>(call.legs.values())) {
      if (held.heldByLock) {
        held.heldByLock = false;
        if (!held.needsActivation && held.deactivated) {
          held.deactivated = false;
          bridge.legUpdate(held);
        }
      }
    }
    activateWaiting(call);
  }

  // ---- calls ----

  /**
   * {@code PUT /calls/<id>} and the settings of {@code POST /calls}: lock, recording, streaming,
   * permissions, join mute, message. Checks everything, then applies it; one Events update.
   */
  void modifyCall(LiveCall call, Map<String, String> form) {
    Boolean locked = flag(form, "locked");
    Boolean recording = flag(form, "recording");
    Boolean streaming = flag(form, "streaming");
    ControlParameters.checkCall(form);
    if (recording != null && recording != call.recording) {
      requireCapture(call, "recording");
    }
    if (streaming != null && streaming != call.streaming) {
      requireCapture(call, "streaming");
    }
    for (String name : List.of("allowAllMuteSelf", "allowAllPresentationContribution",
        "joinAudioMuteOverride", "activeWhenEmpty", "messageText", "messagePosition",
        "messageDuration", "panePlacementHighestImportance", "panePlacementSelfPaneMode")) {
      if (form.containsKey(name)) {
        if (form.get(name).isEmpty()) {
          call.settings.remove(name);
        } else {
          call.settings.put(name, form.get(name));
        }
      }
    }
    if (form.containsKey("messageText") || form.containsKey("messageDuration")) {
      call.messageSetAt = bridge.engine.clock.instant();
    }
    if (locked != null && locked != call.locked) {
      call.locked = locked;
      if (!locked) {
        unlock(call);
      }
    }
    if (recording != null) {
      bridge.setRecording(call, recording);
    }
    if (streaming != null) {
      bridge.setStreaming(call, streaming);
    }
    bridge.events.callChanged(call, "update");
  }

  /**
   * Refuses to switch recording or streaming when the call profile's mode is {@code disabled} or
   * {@code automatic} ({@code call<Kind>CannotBeModified}) or the cluster's licence for it is not
   * active ({@code <kind>NotAllowedByLicensing}).
   */
  private void requireCapture(LiveCall call, String kind) {
    String mode = callProfileValue(call, kind + "Mode", "manual");
    if (!mode.equals("manual")) {
      throw ApiFailure.badRequest(kind.equals("recording") ? "callRecordingCannotBeModified"
          : "callStreamingCannotBeModified");
    }
    String[] licence = bridge.engine.clusterLicenseFeatures.get(kind);
    if (licence != null && !licence[0].equals("activated") && !licence[0].equals("grace")) {
      throw ApiFailure.badRequest(kind + "NotAllowedByLicensing");
    }
  }

  /** Starts recording/streaming when the call profile says {@code automatic}. */
  void startAutomaticCapture(LiveCall call) {
    if (callProfileValue(call, "recordingMode", "manual").equals("automatic")) {
      bridge.setRecording(call, true);
    }
    if (callProfileValue(call, "streamingMode", "manual").equals("automatic")) {
      bridge.setStreaming(call, true);
    }
  }

  // ---- adding and moving participants ----

  /**
   * {@code POST /calls/<id>/callLegs} and {@code POST /calls/<id>/participants}: dials
   * {@code remoteParty} with the given call leg profile and overrides, or ({@code participants}
   * only) moves {@code movedParticipant} here. Returns the new leg.
   */
  LiveLeg addParticipant(LiveCall call, Map<String, String> form, boolean participantNode) {
    String moved = form.getOrDefault("movedParticipant", "");
    if (participantNode && !moved.isEmpty()) {
      return move(call, moved, form.getOrDefault("movedParticipantCallBridge", ""));
    }
    String remoteParty = form.getOrDefault("remoteParty", "").trim();
    if (remoteParty.isEmpty()) {
      throw ApiFailure.parameterError("remoteParty", "missing");
    }
    ControlParameters.checkDialOut(form);
    String confirmation = form.get("confirmation");
    Map<String, String> overrides = ControlParameters.legOverrides(form);
    ControlParameters.checkParticipant(form, bridge.engine.store);
    String placeOn = form.getOrDefault("callBridge", "");
    BridgeNode host = bridge;
    LiveCall target = call;
    if (!placeOn.isEmpty() && !placeOn.equals(bridge.id)) {
      host = bridge.engine.bridgeById(placeOn);
      if (host == null) {
        throw ApiFailure.badRequest("callBridgeDoesNotExist");
      }
      if (!host.up || call.coSpaceId == null) {
        throw ApiFailure.badRequest("callBridgeUnavailable");
      }
      target = host.startCoSpaceCall(call.coSpaceId, false);
    }
    host.controls.requireRoom(target);
    String profile = form.getOrDefault("callLegProfile", "");
    if (profile.isEmpty() && call.coSpaceId != null) {
      StoredObject space = bridge.engine.store.find("coSpaces", call.coSpaceId);
      profile = space == null ? "" : space.getOrEmpty("callLegProfile");
    }
    String importance = form.getOrDefault("importance", "");
    String profileId = profile.isEmpty() ? null : profile;
    return host.endpoints.dialOut(target, remoteParty, "true".equals(confirmation), profileId, leg -> {
          overrides.forEach((k, v) -> {
            if (!v.isEmpty()) {
              leg.configuration.put(k, v);
            }
          });
          if (!importance.isEmpty()) {
            leg.importance = Long.parseLong(importance.trim());
          }
          String label = form.getOrDefault("nameLabelOverride", "");
          leg.nameLabelOverride = label.isEmpty() ? null : label;
          leg.bypassLobby = "false".equals(form.get("deactivated"));
          leg.pendingDtmf = form.getOrDefault("dtmfSequence", "").replace(",", "");
        });
  }

  /** Refuses a new participant when the call profile's {@code participantLimit} is reached. */
  void requireRoom(LiveCall call) {
    String limit = callProfileValue(call, "participantLimit", "");
    if (!limit.isEmpty() && call.legs.size() >= Long.parseLong(limit)) {
      throw ApiFailure.badRequest("participantLimitReached");
    }
  }

  /**
   * Moves a participant into {@code call}: a new leg starts here ({@code callLegStart} with
   * {@code movedCallLeg}/{@code movedCallLegCallBridge}, connected at once, keeping its overrides
   * and name label), then the old leg ends with reason {@code callMoved} on the bridge that hosted it.
   */
  private LiveLeg move(LiveCall call, String participantId, String fromBridgeId) {
    BridgeNode from = bridge;
    if (!fromBridgeId.isEmpty() && !fromBridgeId.equals(bridge.id)) {
      from = bridge.engine.bridgeById(fromBridgeId);
      if (from == null) {
        throw ApiFailure.badRequest("callBridgeDoesNotExist");
      }
      if (!from.up) {
        throw ApiFailure.badRequest("callBridgeUnavailable");
      }
    }
    LiveLeg old = from.findParticipant(participantId);
    if (old == null || old.isEnded() || (from == bridge && old.callId.equals(call.id))) {
      throw ApiFailure.invalidValue("movedParticipant");
    }
    requireRoom(call);
    BridgeNode source = from;
    LiveLeg moved = bridge.addLeg(call, old.remoteParty, old.displayName, old.direction, false,
        old.profileId, leg -> {
          leg.configuration.putAll(old.configuration);
          leg.nameLabelOverride = old.nameLabelOverride;
          leg.movedParticipant = old.participantId;
          leg.movedCallLeg = old.id;
          leg.movedCallBridge = source.id;
        });
    moved.needsActivation = effectiveBoolean(moved, "needsActivation");
    admitOnJoin(call, moved);
    bridge.connect(moved);
    source.endLeg(old, "callMoved");
    return moved;
  }
}
