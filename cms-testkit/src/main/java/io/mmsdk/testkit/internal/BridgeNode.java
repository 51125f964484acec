package io.mmsdk.testkit.internal;

import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.Faults;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Not API. One simulated Call Bridge: its HTTP server, local CDR receivers and its live calls and
 * legs (each change recorded as a CDR and pushed to the events sockets). The endpoints that call it
 * are simulated by {@link Endpoints}.
 */
public final class BridgeNode implements AutoCloseable {
  final Engine engine;
  final String id = UUID.randomUUID().toString();
  final String hostId = UUID.randomUUID().toString();
  final String name;
  final ObjectStore local;
  final Faults faults = new Faults();
  final Map<String, LiveCall> calls = new LinkedHashMap<>();
  final Map<String, LiveLeg> legs = new LinkedHashMap<>();
  final List<CallLegInfo> endedLegs = new ArrayList<>();
  final CdrPusher cdr;
  final EventsHub events;
  final CallControls controls;
  final Endpoints endpoints;
  final RestApi api;
  private HttpServer server;
  private int port;
  Instant startedAt;
  volatile boolean up;

  BridgeNode(Engine engine, int index) {
    this.engine = engine;
    this.name = "cb" + (index + 1);
    this.port = engine.options.firstPort() == 0 ? 0 : engine.options.firstPort() + index;
    this.local = new ObjectStore(engine.specs, engine.store, 0);
    this.cdr = new CdrPusher(id, engine.options.callBridges() > 1,
        engine.options.cdrBufferCapacity(), engine.options.cdrRetryInterval(), engine.http);
    this.events = new EventsHub(this);
    this.controls = new CallControls(this);
    this.endpoints = new Endpoints(this);
    this.api = new RestApi(this);
  }

  void start() throws IOException {
    HttpServer s = HttpServer.start(port, engine.serverCertificates == null ? null
        : engine.serverCertificates.sslSocketFactory(), api::dispatch);
    this.server = s;
    this.port = s.port();
    this.startedAt = engine.clock.instant();
    this.up = true;
  }

  /** Returns the bridge GUID. */
  public String id() {
    return id;
  }

  /** Returns the host id. */
  public String hostId() {
    return hostId;
  }

  /** Returns the bridge name. */
  public String name() {
    return name;
  }

  /** Returns the fault rules of this bridge. */
  public Faults faults() {
    return faults;
  }

  /** Returns the scheme, loopback address and port. */
  public String baseUrl() {
    return (engine.serverCertificates != null ? "https" : "http") + "://127.0.0.1:" + port;
  }

  /** Returns whether the HTTP server is running. */
  public boolean isUp() {
    return up;
  }

  /** Returns the current CDR session GUID. */
  public String cdrSession() {
    return cdr.session();
  }

  /** Returns how many CDR records the current session has made (the next correlator index). */
  public long cdrRecordCount() {
    return cdr.correlatorIndex();
  }

  // ---- lifecycle faults ----

  /** Stops the bridge: its port refuses connections and its calls are lost without CDRs. */
  public void stop() {
    synchronized (engine.lock) {
      if (!up) {
        return;
      }
      up = false;
      for (LiveCall c : new ArrayList<>(calls.values())) {
        for (LiveLeg l : c.legs.values()) {
          l.state = "ended";
          l.endReason = "callEnded";
          endedLegs.add(l.info(id));
        }
        calls.remove(c.id);
        engine.releaseCorrelator(c.coSpaceId);
      }
      legs.clear();
      events.closeAll();
    }
    shutdownServer();
  }

  /** Starts a stopped bridge again on the same port with a new CDR session. */
  public void restart() {
    stop();
    synchronized (engine.lock) {
      cdr.restart();
      try {
        start();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("could not restart " + name + " on port " + port, e);
      }
    }
  }

  private void shutdownServer() {
    HttpServer s = server;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public void close() {
    up = false;
    events.closeAll();
    shutdownServer();
    cdr.close();
  }

  // ---- calls (all under engine.lock) ----

  LiveCall findCallForCoSpace(String coSpaceId) {
    for (LiveCall c : calls.values()) {
      if (coSpaceId.equals(c.coSpaceId)) {
        return c;
      }
    }
    return null;
  }

  /** Starts (or returns the running) call of a coSpace on this bridge. */
  LiveCall startCoSpaceCall(String coSpaceId, boolean keepWhenEmpty) {
    StoredObject space = engine.store.find("coSpaces", coSpaceId);
    if (space == null) {
      throw ApiFailure.badRequest("coSpaceDoesNotExist");
    }
    LiveCall existing = findCallForCoSpace(coSpaceId);
    if (existing != null) {
      return existing;
    }
    return startCall(coSpaceId, space.getOrEmpty("name"), "coSpace", space.get("tenant"),
        keepWhenEmpty);
  }

  LiveCall startCall(String coSpaceId, String callName, String callType, String tenant,
      boolean keepWhenEmpty) {
    requireUp();
    LiveCall call = new LiveCall(UUID.randomUUID().toString(), coSpaceId, callName,
        engine.correlatorFor(coSpaceId), callType, tenant, engine.clock.instant(), keepWhenEmpty);
    calls.put(call.id, call);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("name", call.name);
    f.put("ownerName", "");
    f.put("callType", callType);
    if (coSpaceId != null) {
      f.put("coSpace", coSpaceId);
    }
    if (tenant != null) {
      f.put("tenant", tenant);
    }
    f.put("callCorrelator", call.correlator);
    cdr("callStart", "call", call.id, f);
    events.callChanged(call, "add");
    controls.startAutomaticCapture(call);
    return call;
  }

  /** The number of other bridges hosting an instance of the call's coSpace. */
  int distributedInstances(LiveCall call) {
    int n = 0;
    if (call.coSpaceId != null) {
      for (BridgeNode other : engine.bridges) {
        if (other != this && other.up && other.findCallForCoSpace(call.coSpaceId) != null) {
          n++;
        }
      }
    }
    return n;
  }

  /** The live leg of a participant on this bridge, or null. */
  LiveLeg findParticipant(String participantId) {
    for (LiveLeg l : legs.values()) {
      if (l.participantId.equals(participantId)) {
        return l;
      }
    }
    return null;
  }

  void requireUp() {
    if (!up) {
      throw new IllegalStateException("Call Bridge " + name + " is stopped; call restart() first");
    }
  }

  /**
   * Adds a leg to a call: {@code setup} sets its overrides before anything is published; then
   * {@code callLegStart} is recorded and the roster and call list learn of it.
   */
  LiveLeg addLeg(LiveCall call, String remoteParty, String displayName, String direction,
      boolean confirmation, String profileId, java.util.function.Consumer<LiveLeg> setup) {
    LiveLeg leg = new LiveLeg(UUID.randomUUID().toString(), UUID.randomUUID().toString(), call.id,
        remoteParty, displayName, direction, engine.clock.instant(), confirmation, profileId);
    if (setup != null) {
      setup.accept(leg);
    }
    String joinMute = call.settings.get("joinAudioMuteOverride");
    if (joinMute != null && !leg.configuration.containsKey("rxAudioMute")) {
      leg.configuration.put("rxAudioMute", joinMute);
    }
    leg.needsActivation = controls.effectiveBoolean(leg, "needsActivation");
    call.legs.put(leg.id, leg);
    legs.put(leg.id, leg);
    call.maxActive = Math.max(call.maxActive, call.legs.size());
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("displayName", leg.name());
    f.put("remoteParty", remoteParty);
    f.put("localAddress", call.name);
    f.put("type", "sip");
    f.put("direction", direction);
    f.put("call", call.id);
    f.put("groupId", leg.participantId);
    f.put("canMove", "true");
    if (leg.movedCallLeg != null) {
      f.put("movedCallLeg", leg.movedCallLeg);
      f.put("movedCallLegCallBridge", leg.movedCallBridge);
    }
    cdr("callLegStart", "callLeg", leg.id, f);
    events.rosterChanged(call, leg, "add");
    events.callChanged(call, "update");
    return leg;
  }

  void connect(LiveLeg leg) {
    if (leg.isEnded()) {
      return;
    }
    leg.state = "connected";
    leg.digits.append(leg.pendingDtmf);
    leg.pendingDtmf = "";
    legUpdate(leg);
  }

  /** Records {@code callLegUpdate} (state, lobby, name) and pushes the roster change. */
  void legUpdate(LiveLeg leg) {
    leg.trackActivation(engine.clock.instant());
    Map<String, Object> f = new LinkedHashMap<>();
    if ("connected".equals(leg.state)) {
      f.put("state", "connected");
    }
    f.put("call", leg.callId);
    f.put("deactivated", String.valueOf(leg.deactivated));
    f.put("groupId", leg.participantId);
    f.put("remoteAddress", leg.remoteParty);
    f.put("displayName", leg.name());
    f.put("canMove", "true");
    f.put("confirmationStatus", leg.confirmationStatus);
    cdr("callLegUpdate", "callLeg", leg.id, f);
    LiveCall call = calls.get(leg.callId);
    if (call != null) {
      events.rosterChanged(call, leg, "update");
    }
  }

  void endLeg(LiveLeg leg, String reason) {
    if (leg.isEnded()) {
      return;
    }
    LiveCall call = calls.get(leg.callId);
    leg.state = "ended";
    leg.trackActivation(engine.clock.instant());
    leg.endReason = reason;
    legs.remove(leg.id);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("reason", reason);
    f.put("remoteTeardown", String.valueOf("remoteTeardown".equals(reason)));
    f.put("durationSeconds", String.valueOf(
        Duration.between(leg.created, engine.clock.instant()).toSeconds()));
    f.put("activatedDuration", String.valueOf(leg.activatedSeconds(engine.clock.instant())));
    f.put("confirmationStatus", leg.confirmationStatus);
    cdr("callLegEnd", "callLeg", leg.id, f);
    endedLegs.add(leg.info(id));
    if (call != null) {
      call.legs.remove(leg.id);
      call.completedLegs++;
      events.rosterChanged(call, leg, "remove");
      events.callChanged(call, "update");
      if (call.legs.isEmpty() && !call.keepWhenEmpty) {
        endCall(call);
      }
    }
  }

  void endCall(LiveCall call) {
    if (!calls.containsKey(call.id)) {
      return;
    }
    for (LiveLeg l : new ArrayList<>(call.legs.values())) {
      call.legs.remove(l.id);
      endLegQuietly(l, call);
      call.completedLegs++;
    }
    setRecording(call, false);
    setStreaming(call, false);
    calls.remove(call.id);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("callLegsCompleted", String.valueOf(call.completedLegs));
    f.put("callLegsMaxActive", String.valueOf(call.maxActive));
    f.put("durationSeconds", String.valueOf(
        Duration.between(call.started, engine.clock.instant()).toSeconds()));
    cdr("callEnd", "call", call.id, f);
    events.callChanged(call, "remove");
    engine.releaseCorrelator(call.coSpaceId);
  }

  private void endLegQuietly(LiveLeg leg, LiveCall call) {
    // Detach the call so endLeg neither counts the leg twice nor ends the call recursively.
    calls.remove(call.id);
    endLeg(leg, "callEnded");
    calls.put(call.id, call);
    events.rosterChanged(call, leg, "remove");
  }

  void setRecording(LiveCall call, boolean on) {
    if (call.recording != on) {
      call.recording = on;
      call.recordingId = mediaCapture("recording", on, call, call.recordingId);
    }
  }

  void setStreaming(LiveCall call, boolean on) {
    if (call.streaming != on) {
      call.streaming = on;
      call.streamingId = mediaCapture("streaming", on, call, call.streamingId);
    }
  }

  /** Records {@code recordingStart}/{@code recordingEnd} (or streaming) and returns the capture id. */
  private String mediaCapture(String kind, boolean on, LiveCall call, String currentId) {
    String captureId = on ? UUID.randomUUID().toString() : currentId;
    Map<String, Object> f = new LinkedHashMap<>();
    if (on) {
      f.put("call", call.id);
    }
    cdr(kind + (on ? "Start" : "End"), kind, captureId, f);
    events.callChanged(call, "update");
    return captureId;
  }

  void cdr(String type, String element, String objectId, Map<String, Object> fields) {
    Map<String, String> receivers = new LinkedHashMap<>();
    for (StoredObject r : local.all("system/cdrReceivers", null)) {
      receivers.put(r.id, r.getOrEmpty("uri"));
    }
    cdr.receivers(receivers);
    cdr.record(type, engine.clock.instant(), element, objectId, fields);
  }

  // ---- public test-driver facade (SimulatedCallBridge delegates here) ----

  /** Starts (or returns) the meeting of a coSpace. */
  public String testStartCall(String coSpaceId) {
    synchronized (engine.lock) {
      requireUp();
      if (engine.store.find("coSpaces", coSpaceId) == null) {
        throw new IllegalArgumentException("no coSpace with id " + coSpaceId);
      }
      return startCoSpaceCall(coSpaceId, true).id;
    }
  }

  /** Ends an active call. */
  public void testEndCall(String callId) {
    synchronized (engine.lock) {
      LiveCall call = calls.get(callId);
      if (call == null) {
        throw new IllegalArgumentException("no active call " + callId + " on " + name);
      }
      endCall(call);
    }
  }

  /** A scripted endpoint joins a coSpace meeting. */
  public CallLegInfo testJoin(String coSpaceId, String remoteParty, String displayName) {
    synchronized (engine.lock) {
      requireUp();
      if (engine.store.find("coSpaces", coSpaceId) == null) {
        throw new IllegalArgumentException("no coSpace with id " + coSpaceId);
      }
      StoredObject space = engine.store.find("coSpaces", coSpaceId);
      return endpoints.dialIn(coSpaceId, remoteParty, displayName, space.get("callLegProfile"))
          .info(id);
    }
  }

  /** A scripted endpoint dials a URI or call ID. */
  public CallLegInfo testDial(String dialled, String remoteParty, String displayName) {
    synchronized (engine.lock) {
      requireUp();
      String[] target = endpoints.resolveDialIn(dialled);
      if (target == null) {
        throw new IllegalArgumentException("no coSpace or access method answers to '" + dialled
            + "'; create one with that uri or callId first");
      }
      return endpoints.dialIn(target[0], remoteParty, displayName, target[1]).info(id);
    }
  }

  /** The endpoint on a leg hangs up. */
  public void testLeave(String callLegId) {
    synchronized (engine.lock) {
      endLeg(requireLiveLeg(callLegId), "remoteTeardown");
    }
  }

  /** The endpoint on a leg becomes the call's active speaker (the previous one stops). */
  public void testSpeak(String callLegId) {
    synchronized (engine.lock) {
      LiveLeg leg = requireLiveLeg(callLegId);
      LiveCall call = calls.get(leg.callId);
      for (LiveLeg l : call.legs.values()) {
        if (l.activeSpeaker != (l == leg)) {
          l.activeSpeaker = l == leg;
          events.rosterChanged(call, l, "update");
        }
      }
    }
  }

  /** The endpoint on a leg starts (taking over from another) or stops presenting. */
  public void testPresent(String callLegId, boolean presenting) {
    synchronized (engine.lock) {
      LiveLeg leg = requireLiveLeg(callLegId);
      LiveCall call = calls.get(leg.callId);
      for (LiveLeg l : call.legs.values()) {
        boolean now = l == leg ? presenting : l.presenter && !presenting;
        if (l.presenter != now) {
          l.presenter = now;
          events.rosterChanged(call, l, "update");
        }
      }
    }
  }

  /** The endpoint on a leg sends DTMF digits. */
  public void testKeys(String callLegId, String digits) {
    synchronized (engine.lock) {
      endpoints.keys(requireLiveLeg(callLegId), digits);
    }
  }

  private LiveLeg requireLiveLeg(String callLegId) {
    LiveLeg leg = legs.get(callLegId);
    if (leg == null) {
      throw new IllegalArgumentException("no active call leg " + callLegId + " on " + name);
    }
    return leg;
  }

  /** Returns the active call ids. */
  public List<String> testActiveCallIds() {
    synchronized (engine.lock) {
      return List.copyOf(calls.keySet());
    }
  }

  /** Returns a live or ended leg. */
  public java.util.Optional<CallLegInfo> testFindLeg(String callLegId) {
    synchronized (engine.lock) {
      LiveLeg live = legs.get(callLegId);
      if (live != null) {
        return java.util.Optional.of(live.info(id));
      }
      for (CallLegInfo ended : endedLegs) {
        if (ended.id().equals(callLegId)) {
          return java.util.Optional.of(ended);
        }
      }
      return java.util.Optional.empty();
    }
  }

  /** Returns every leg ever hosted. */
  public List<CallLegInfo> testAllLegs() {
    synchronized (engine.lock) {
      List<CallLegInfo> out = new ArrayList<>(endedLegs);
      for (LiveLeg l : legs.values()) {
        out.add(l.info(id));
      }
      return List.copyOf(out);
    }
  }

  /** Closes every events socket. */
  public void testCloseEventSockets() {
    events.closeAll();
  }

  /** Returns the number of open events sockets. */
  public int testOpenEventSockets() {
    return events.openSessions();
  }

  /** Waits until every CDR is delivered or the timeout passes. */
  public boolean awaitCdrDelivered(Duration timeout) throws InterruptedException {
    return cdr.awaitDelivered(timeout);
  }
}
