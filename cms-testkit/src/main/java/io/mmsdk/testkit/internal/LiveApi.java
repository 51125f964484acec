package io.mmsdk.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Not API. REST routes and views of a bridge's live calls, call legs and participants; what the
 * writes change is {@link CallControls}' job.
 */
final class LiveApi {
  private final BridgeNode bridge;
  private final RestApi rest;

  LiveApi(BridgeNode bridge, RestApi rest) {
    this.bridge = bridge;
    this.rest = rest;
  }

  Reply route(String method, String[] s, Map<String, String> query, Map<String, String> form) {
    switch (s[0]) {
      case "calls":
        return calls(method, s, query, form);
      case "callLegs":
        if (s.length == 1) {
          RestApi.requireMethod(method, "GET");
          return legList(new ArrayList<>(bridge.legs.values()), query);
        }
        if (s.length != 2) {
          throw ApiFailure.notFound(null);
        }
        return leg(method, requireLeg(s[1]), form);
      case "participants":
        if (s.length == 1) {
          RestApi.requireMethod(method, "GET");
          return participantList(new ArrayList<>(bridge.legs.values()), query);
        }
        LiveLeg p = requireParticipant(s[1]);
        if (s.length == 3 && s[2].equals("callLegs")) {
          RestApi.requireMethod(method, "GET");
          return legList(List.of(p), query);
        }
        if (s.length != 2) {
          throw ApiFailure.notFound(null);
        }
        return participant(method, p, form);
      default:
        throw ApiFailure.notFound(null);
    }
  }

  private Reply calls(String method, String[] s, Map<String, String> query,
      Map<String, String> form) {
    if (s.length == 1) {
      if (method.equals("POST")) {
        String coSpace = form.getOrDefault("coSpace", "");
        LiveCall call;
        if (!coSpace.isEmpty()) {
          call = bridge.startCoSpaceCall(coSpace, true);
        } else if (!form.getOrDefault("name", "").isEmpty()) {
          call = bridge.startCall(null, form.get("name"), "adHoc", null, true);
        } else {
          throw ApiFailure.parameterError("coSpace", "missing");
        }
        bridge.controls.modifyCall(call, form);
        return RestApi.created("/api/v1/calls/" + call.id);
      }
      RestApi.requireMethod(method, "GET");
      List<Map.Entry<String, Map<String, Object>>> items = new ArrayList<>();
      for (LiveCall c : bridge.calls.values()) {
        Map<String, Object> v = callView(c, true);
        if (matches(v, query, "name")) {
          items.add(Map.entry(c.id, v));
        }
      }
      return rest.page("calls", "call", items, query, Map.of());
    }
    LiveCall call = bridge.calls.get(s[1]);
    if (call == null) {
      throw ApiFailure.notFound("callDoesNotExist");
    }
    if (s.length == 2) {
      switch (method) {
        case "GET":
          return RestApi.xml(200, Xml.document("call", Map.of("id", call.id), callView(call, false)));
        case "PUT":
          bridge.controls.modifyCall(call, form);
          return RestApi.ok();
        case "DELETE":
          bridge.endCall(call);
          return RestApi.ok();
        default:
          throw new ApiFailure(405, "invalidOperation");
      }
    }
    boolean legs = s[2].equals("callLegs");
    if (!legs && !s[2].equals("participants")) {
      throw ApiFailure.notFound(null);
    }
    if (s.length == 4 && !legs) {
      if (s[3].equals("*")) {
        RestApi.requireMethod(method, "PUT");
        bridge.controls.modifyAll(call, form);
        return RestApi.ok();
      }
      LiveLeg p = requireParticipant(s[3]);
      if (!p.callId.equals(call.id)) {
        throw ApiFailure.notFound(null);
      }
      return participant(method, p, form);
    }
    if (s.length != 3) {
      throw ApiFailure.notFound(null);
    }
    if (method.equals("POST")) {
      LiveLeg leg = bridge.controls.addParticipant(call, form, !legs);
      return RestApi.created(legs ? "/api/v1/callLegs/" + leg.id
          : "/api/v1/participants/" + leg.participantId);
    }
    RestApi.requireMethod(method, "GET");
    List<LiveLeg> of = new ArrayList<>(call.legs.values());
    return legs ? legList(of, query) : participantList(of, query);
  }

  private LiveLeg requireLeg(String id) {
    LiveLeg leg = bridge.legs.get(id);
    if (leg == null) {
      throw ApiFailure.notFound("callLegDoesNotExist");
    }
    return leg;
  }

  private LiveLeg requireParticipant(String id) {
    LiveLeg leg = bridge.findParticipant(id);
    if (leg == null) {
      throw ApiFailure.notFound(null);
    }
    return leg;
  }

  private Reply leg(String method, LiveLeg leg, Map<String, String> form) {
    if (method.equals("GET")) {
      return RestApi.xml(200, Xml.document("callLeg", Map.of("id", leg.id), legView(leg, false)));
    }
    return modifyOrEnd(method, leg, form);
  }

  private Reply participant(String method, LiveLeg leg, Map<String, String> form) {
    if (method.equals("GET")) {
      return RestApi.xml(200, Xml.document("participant", Map.of("id", leg.participantId),
          participantView(leg, false)));
    }
    return modifyOrEnd(method, leg, form);
  }

  /** PUT (see {@link CallControls#modifyLeg}) or DELETE ({@code apiInitiatedTeardown}). */
  private Reply modifyOrEnd(String method, LiveLeg leg, Map<String, String> form) {
    if (method.equals("DELETE")) {
      bridge.endLeg(leg, "apiInitiatedTeardown");
      return RestApi.ok();
    }
    RestApi.requireMethod(method, "PUT");
    bridge.controls.modifyLeg(leg, form);
    return RestApi.ok();
  }

  private Reply legList(List<LiveLeg> legs, Map<String, String> query) {
    String participant = query.getOrDefault("participantFilter", "");
    String layout = query.getOrDefault("activeLayoutFilter", "");
    Map<String, String> others = new LinkedHashMap<>(query);
    others.remove("participantFilter");
    others.remove("activeLayoutFilter");
    List<Map.Entry<String, Map<String, Object>>> items = new ArrayList<>();
    for (LiveLeg l : legs) {
      Map<String, Object> v = legView(l, true);
      if ((participant.isEmpty() || participant.equals(l.participantId))
          && (layout.isEmpty() || layout.equals(bridge.controls.effectiveLayout(l)))
          && matches(v, others, "name", "remoteParty")) {
        items.add(Map.entry(l.id, v));
      }
    }
    return rest.page("callLegs", "callLeg", items, query, Map.of());
  }

  private Reply participantList(List<LiveLeg> legs, Map<String, String> query) {
    List<Map.Entry<String, Map<String, Object>>> items = new ArrayList<>();
    for (LiveLeg l : legs) {
      Map<String, Object> v = participantView(l, true);
      if (matches(v, query, "name")) {
        items.add(Map.entry(l.participantId, v));
      }
    }
    return rest.page("participants", "participant", items, query, Map.of());
  }

  /** Applies {@code filter} (substring over the text fields) and exact {@code xFilter} parameters. */
  private static boolean matches(Map<String, Object> view, Map<String, String> query,
      String... textFields) {
    String text = query.getOrDefault("filter", "").toLowerCase(Locale.ROOT);
    if (!text.isEmpty()) {
      boolean hit = false;
      for (String f : textFields) {
        hit |= String.valueOf(view.getOrDefault(f, "")).toLowerCase(Locale.ROOT).contains(text);
      }
      if (!hit) {
        return false;
      }
    }
    for (Map.Entry<String, String> q : query.entrySet()) {
      String key = q.getKey();
      if (key.endsWith("Filter") && !q.getValue().isEmpty()) {
        String field = key.substring(0, key.length() - "Filter".length());
        if (!q.getValue().equalsIgnoreCase(String.valueOf(view.getOrDefault(field, "")))) {
          return false;
        }
      }
    }
    return true;
  }

  private Map<String, Object> callView(LiveCall c, boolean inList) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", c.name);
    if (c.coSpaceId != null) {
      v.put("coSpace", c.coSpaceId);
    }
    v.put("callCorrelator", c.correlator);
    if (c.tenant != null) {
      v.put("tenant", c.tenant);
    }
    if (inList) {
      return v;
    }
    v.put("callType", c.callType);
    v.put("durationSeconds", String.valueOf(
        Duration.between(c.started, bridge.engine.clock.instant()).toSeconds()));
    v.put("numCallLegs", String.valueOf(c.legs.size()));
    v.put("maxCallLegs", String.valueOf(c.maxActive));
    v.put("numParticipantsLocal", String.valueOf(c.legs.size()));
    int remote = 0;
    if (c.coSpaceId != null) {
      for (BridgeNode other : bridge.engine.bridges) {
        LiveCall twin = other == bridge ? null : other.findCallForCoSpace(c.coSpaceId);
        if (twin != null) {
          remote += twin.legs.size();
        }
      }
    }
    v.put("numParticipantsRemote", String.valueOf(remote));
    v.put("numDistributedInstances", String.valueOf(bridge.distributedInstances(c)));
    for (LiveLeg l : c.legs.values()) {
      if (l.presenter) {
        v.put("presenterCallLeg", l.id);
      }
    }
    v.put("locked", String.valueOf(c.locked));
    v.put("recording", String.valueOf(c.recording));
    v.put("streaming", String.valueOf(c.streaming));
    v.put("allowAllMuteSelf", c.settings.getOrDefault("allowAllMuteSelf", "false"));
    v.put("allowAllPresentationContribution",
        c.settings.getOrDefault("allowAllPresentationContribution", "false"));
    for (String name : List.of("joinAudioMuteOverride", "messageText", "messagePosition",
        "messageDuration", "panePlacementHighestImportance", "panePlacementSelfPaneMode")) {
      if (c.settings.containsKey(name)) {
        v.put(name, c.settings.get(name));
      }
    }
    String duration = c.settings.get("messageDuration");
    if (duration != null && !duration.equals("permanent") && c.messageSetAt != null) {
      long left = Long.parseLong(duration)
          - Duration.between(c.messageSetAt, bridge.engine.clock.instant()).toSeconds();
      v.put("messageTimeRemaining", String.valueOf(Math.max(0, left)));
    }
    v.put("activeWhenEmpty", c.settings.getOrDefault("activeWhenEmpty",
        String.valueOf(c.keepWhenEmpty)));
    return v;
  }

  private Map<String, Object> legView(LiveLeg l, boolean inList) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", l.name());
    v.put("remoteParty", l.remoteParty);
    v.put("call", l.callId);
    if (inList) {
      return v;
    }
    v.put("type", "sip");
    v.put("direction", l.direction);
    v.put("canMove", "true");
    if (l.movedCallLeg != null) {
      v.put("movedCallLeg", l.movedCallLeg);
      v.put("movedCallLegCallBridge", l.movedCallBridge);
    }
    Map<String, Object> configuration = new LinkedHashMap<>(l.configuration);
    if (l.nameLabelOverride != null) {
      configuration.put("nameLabelOverride", l.nameLabelOverride);
    }
    if (!configuration.isEmpty()) {
      v.put("configuration", configuration);
    }
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("state", l.state);
    status.put("durationSeconds", String.valueOf(
        Duration.between(l.created, bridge.engine.clock.instant()).toSeconds()));
    status.put("groupId", l.participantId);
    status.put("deactivated", String.valueOf(l.deactivated));
    status.put("layout", bridge.controls.effectiveLayout(l));
    v.put("status", status);
    return v;
  }

  private Map<String, Object> participantView(LiveLeg l, boolean inList) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("name", l.name());
    v.put("call", l.callId);
    if (inList) {
      return v;
    }
    v.put("uri", l.remoteParty);
    v.put("numCallLegs", "1");
    v.put("isActivator", String.valueOf(!l.needsActivation));
    v.put("canMove", "true");
    if (l.movedParticipant != null) {
      v.put("movedParticipant", l.movedParticipant);
      v.put("movedParticipantCallBridge", l.movedCallBridge);
    }
    Map<String, Object> configuration = new LinkedHashMap<>();
    if (l.importance != null) {
      configuration.put("importance", String.valueOf(l.importance));
    }
    if (l.nameLabelOverride != null) {
      configuration.put("nameLabelOverride", l.nameLabelOverride);
    }
    v.put("configuration", configuration.isEmpty() ? "" : configuration);
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("state", l.state);
    v.put("status", status);
    return v;
  }
}
