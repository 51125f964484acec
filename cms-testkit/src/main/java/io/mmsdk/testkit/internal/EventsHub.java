package io.mmsdk.testkit.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Not API. The Events WebSocket of one bridge: auth tokens, subscribeRequest handling, acks, and
 * {@code callListUpdate}/{@code callInfoUpdate}/{@code rosterUpdate} messages for the live calls.
 */
final class EventsHub {
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final BridgeNode bridge;
  private final Set<String> tokens = new HashSet<>();
  private final List<Session> sessions = new ArrayList<>();

  EventsHub(BridgeNode bridge) {
    this.bridge = bridge;
  }

  String newToken() {
    String token = UUID.randomUUID().toString();
    synchronized (bridge.engine.lock) {
      tokens.add(token);
    }
    return token;
  }

  Reply upgrade(String token) {
    synchronized (bridge.engine.lock) {
      if (!tokens.remove(token)) {
        return Reply.status(401);
      }
    }
    return Reply.webSocket(new Session());
  }

  int openSessions() {
    synchronized (bridge.engine.lock) {
      return sessions.size();
    }
  }

  /** Closes every events socket (a fault, or the bridge stopping). */
  void closeAll() {
    List<Session> open;
    synchronized (bridge.engine.lock) {
      open = new ArrayList<>(sessions);
      sessions.clear();
    }
    for (Session s : open) {
      if (s.socket != null) {
        s.socket.close(1001, "going away");
      }
    }
  }

  void callChanged(LiveCall call, String updateType) {
    for (Session s : sessions) {
      for (Subscription sub : s.subscriptions) {
        if (sub.type.equals("calls")) {
          Map<String, Object> update = sub.delta(call.id, updateType, callInfo(call));
          if (update != null) {
            s.send(message("callListUpdate", sub.index, "updates",
                List.of(entry("call", call.id, update))));
          }
        } else if (sub.type.equals("callInfo") && call.id.equals(sub.call)) {
          if (updateType.equals("remove")) {
            s.send(subscriptionState(sub, "deactivated"));
          } else if (sub.delta(call.id, "update", callInfo(call)) != null) {
            s.send(message("callInfoUpdate", sub.index, "callInfo", sub.select(callInfo(call))));
          }
        } else if (sub.type.equals("callRoster") && call.id.equals(sub.call)
            && updateType.equals("remove")) {
          s.send(subscriptionState(sub, "deactivated"));
        }
      }
    }
  }

  void rosterChanged(LiveCall call, LiveLeg leg, String updateType) {
    for (Session s : sessions) {
      for (Subscription sub : s.subscriptions) {
        if (sub.type.equals("callRoster") && call.id.equals(sub.call)) {
          Map<String, Object> update = sub.delta(leg.participantId, updateType, roster(leg));
          if (update != null) {
            s.send(message("rosterUpdate", sub.index, "updates",
                List.of(entry("participant", leg.participantId, update))));
          }
        }
      }
    }
  }

  /** The {@code calls}/{@code callInfo} elements of a call, before a subscription's selection. */
  private Map<String, Object> callInfo(LiveCall call) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", call.name);
    info.put("callType", call.callType);
    info.put("callCorrelator", call.correlator);
    info.put("participants", call.legs.size());
    info.put("distributedInstances", bridge.distributedInstances(call));
    info.put("recording", call.recording);
    info.put("endpointRecording", false);
    info.put("streaming", call.streaming);
    info.put("lockState", call.locked ? "locked" : "unlocked");
    String override = call.settings.get("joinAudioMuteOverride");
    if (override != null) {
      info.put("joinAudioMuteOverride", Boolean.parseBoolean(override));
    }
    return info;
  }

  /** The {@code callRoster} elements of a participant, before a subscription's selection. */
  private Map<String, Object> roster(LiveLeg leg) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("name", leg.name());
    u.put("uri", leg.remoteParty);
    u.put("state", leg.state);
    u.put("direction", leg.direction);
    u.put("audioMuted", bridge.controls.effectiveBoolean(leg, "rxAudioMute"));
    u.put("videoMuted", bridge.controls.effectiveBoolean(leg, "rxVideoMute"));
    u.put("importance", leg.importance == null ? 0 : leg.importance);
    u.put("layout", bridge.controls.effectiveLayout(leg));
    u.put("activeSpeaker", leg.activeSpeaker);
    u.put("presenter", leg.presenter);
    u.put("endpointRecording", false);
    u.put("canMove", true);
    if (leg.movedParticipant != null) {
      u.put("movedParticipant", leg.movedParticipant);
      u.put("movedParticipantCallBridge", leg.movedCallBridge);
    }
    return u;
  }

  /** One entry of {@code updates}: the object's id first, then the update. */
  private static Map<String, Object> entry(String idName, String id, Map<String, Object> update) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(idName, id);
    out.putAll(update);
    return out;
  }

  private static Map<String, Object> message(String type, int index, String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("subscriptionIndex", index);
    m.put(key, value);
    return m;
  }

  private static Map<String, Object> subscriptionState(Subscription sub, String state) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "subscriptionUpdate");
    m.put("subscriptions", List.of(Map.of("index", sub.index, "state", state)));
    return m;
  }

  /**
   * One subscription of a session: which elements it asked for (all when it named none) and what it
   * was last told about each call or participant, so an {@code update} carries only what changed.
   */
  private static final class Subscription {
    final int index;
    final String type;
    final String call;
    final Set<String> elements;
    final Map<String, Map<String, Object>> lastSent = new HashMap<>();

    Subscription(int index, String type, String call, Set<String> elements) {
      this.index = index;
      this.type = type;
      this.call = call;
      this.elements = elements;
    }

    Map<String, Object> select(Map<String, Object> all) {
      if (elements == null) {
        return all;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      all.forEach((k, v) -> {
        if (elements.contains(k)) {
          out.put(k, v);
        }
      });
      return out;
    }

    /**
     * Returns the update entry to send (without the object id), or null when an {@code update}
     * changes none of the selected elements. An {@code add} carries every selected element, an
     * {@code update} the changed ones, a {@code remove} none.
     */
    Map<String, Object> delta(String id, String updateType, Map<String, Object> all) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("updateType", updateType);
      if (updateType.equals("remove")) {
        lastSent.remove(id);
        return out;
      }
      Map<String, Object> now = select(all);
      Map<String, Object> before = lastSent.put(id, now);
      if (updateType.equals("add") || before == null) {
        out.put("updateType", "add");
        out.putAll(now);
        return out;
      }
      boolean changed = false;
      for (Map.Entry<String, Object> e : now.entrySet()) {
        if (!e.getValue().equals(before.get(e.getKey()))) {
          out.put(e.getKey(), e.getValue());
          changed = true;
        }
      }
      return changed ? out : null;
    }
  }

  private final class Session extends WebSocketListener {
    WebSocket socket;
    List<Subscription> subscriptions = List.of();
    long nextMessageId = 1;
    int unacknowledged;

    void send(Map<String, Object> message) {
      if (socket == null || unacknowledged >= bridge.engine.options.eventsMaxUnacknowledged()) {
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("messageId", nextMessageId++);
      body.putAll(message);
      unacknowledged++;
      socket.send(JSON.toJson(Map.of("type", "message", "message", body)));
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      synchronized (bridge.engine.lock) {
        socket = webSocket;
        sessions.add(this);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onMessage(WebSocket webSocket, String text) {
      Map<String, Object> envelope;
      try {
        envelope = JSON.fromJson(text);
      } catch (IOException | RuntimeException e) {
        webSocket.close(1003, "not JSON");
        return;
      }
      if (envelope == null) {
        return;
      }
      synchronized (bridge.engine.lock) {
        if ("messageAck".equals(envelope.get("type"))) {
          unacknowledged = Math.max(0, unacknowledged - 1);
          return;
        }
        if (!"message".equals(envelope.get("type"))
            || !(envelope.get("message") instanceof Map<?, ?> m)) {
          return;
        }
        Object id = m.get("messageId");
        long messageId = id instanceof Number n ? n.longValue() : 0;
        boolean subscribe = "subscribeRequest".equals(m.get("type"));
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("messageId", messageId);
        ack.put("status", subscribe ? "success" : "failure");
        webSocket.send(JSON.toJson(Map.of("type", "messageAck", "messageAck", ack)));
        if (subscribe) {
          subscribe((List<Object>) m.get("subscriptions"));
        }
      }
    }

    @SuppressWarnings("unchecked")
    private void subscribe(List<Object> requested) {
      List<Subscription> subs = new ArrayList<>();
      if (requested != null) {
        for (Object o : requested) {
          if (o instanceof Map<?, ?> r && r.get("index") instanceof Number n) {
            Set<String> elements = null;
            if (r.get("elements") instanceof List<?> names) {
              elements = new HashSet<>();
              for (Object name : names) {
                elements.add(String.valueOf(name));
              }
            }
            subs.add(new Subscription(n.intValue(), String.valueOf(r.get("type")),
                r.get("call") == null ? null : String.valueOf(r.get("call")), elements));
          }
        }
      }
      subscriptions = List.copyOf(subs);
      List<Map<String, Object>> states = new ArrayList<>();
      for (Subscription sub : subscriptions) {
        boolean known = sub.type.equals("calls") || (sub.call != null
            && bridge.calls.containsKey(sub.call)
            && (sub.type.equals("callInfo") || sub.type.equals("callRoster")));
        states.add(Map.of("index", sub.index, "state", known ? "active" : "deactivated"));
      }
      Map<String, Object> update = new LinkedHashMap<>();
      update.put("type", "subscriptionUpdate");
      update.put("subscriptions", states);
      send(update);
      for (Subscription sub : subscriptions) {
        if (sub.type.equals("calls")) {
          List<Map<String, Object>> updates = new ArrayList<>();
          for (LiveCall c : bridge.calls.values()) {
            updates.add(entry("call", c.id, sub.delta(c.id, "add", callInfo(c))));
          }
          send(message("callListUpdate", sub.index, "updates", updates));
        } else if (sub.call != null && bridge.calls.containsKey(sub.call)) {
          LiveCall c = bridge.calls.get(sub.call);
          if (sub.type.equals("callInfo")) {
            sub.delta(c.id, "add", callInfo(c));
            send(message("callInfoUpdate", sub.index, "callInfo", sub.select(callInfo(c))));
          } else if (sub.type.equals("callRoster")) {
            List<Map<String, Object>> updates = new ArrayList<>();
            for (LiveLeg l : c.legs.values()) {
              updates.add(entry("participant", l.participantId,
                  sub.delta(l.participantId, "add", roster(l))));
            }
            send(message("rosterUpdate", sub.index, "updates", updates));
          }
        }
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
      onClosed(webSocket, code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      synchronized (bridge.engine.lock) {
        sessions.remove(this);
      }
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      onClosed(webSocket, 1006, "failure");
    }
  }
}
