package io.mmsdk.testkit;

import static java.util.Objects.requireNonNull;

import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.Faults;
import io.mmsdk.testkit.internal.BridgeNode;
import java.util.List;
import java.util.Optional;

/**
 * One Call Bridge of a {@link SimulatedCluster}: its own HTTP server (REST API and Events
 * WebSocket),
 * its own CDR receivers, and the calls it hosts. Obtain from {@link
 * SimulatedCluster#callBridge(int)}.
 * Thread-safe.
 */
public final class SimulatedCallBridge {
  private final BridgeNode node;
  private final SimulatedCluster cluster;

  SimulatedCallBridge(BridgeNode node, SimulatedCluster cluster) {
    this.node = node;
    this.cluster = cluster;
  }

  /**
   * {@return the bridge's GUID, as in {@code /callBridges} and the CDR {@code callBridge}
   * attribute}
   */
  public String id() {
    return node.id();
  }

  /** {@return the bridge's name in {@code /callBridges} ({@code cb1}, {@code cb2}, ...)} */
  public String name() {
    return node.name();
  }

  /** {@return the host id reported in {@code /system/status} and {@code /system/MPLicenseUsage}} */
  public String hostId() {
    return node.hostId();
  }

  /**
   * {@return the base URL, e.g. {@code http://127.0.0.1:53122} (no trailing slash, no {@code
   * /api/v1})}
   */
  public String baseUrl() {
    return node.baseUrl();
  }

  /**
   * {@return the Events WebSocket URL without token, e.g. {@code ws://127.0.0.1:53122/events/v1}}
   */
  public String eventsUrl() {
    return node.baseUrl().replaceFirst("^http", "ws") + "/events/v1";
  }

  /** {@return fault injection for this bridge's HTTP API} */
  public Faults faults() {
    return node.faults();
  }

  /** {@return the CDR {@code session} GUID of the running bridge instance (changes on restart)} */
  public String cdrSession() {
    return node.cdrSession();
  }

  /**
   * {@return how many CDR records this bridge instance has made in its current session} Their
   * {@code correlatorIndex} values are 0 to this number minus 1, the same for every receiver.
   */
  public long cdrRecordCount() {
    return node.cdrRecordCount();
  }

  /** {@return whether the bridge is running (false after {@link #stop()})} */
  public boolean isUp() {
    return node.isUp();
  }

  /**
   * Starts the meeting of a coSpace on this bridge (as {@code POST /calls coSpace=...} would) and
   * returns the call id; returns the running call's id if there is one. The call stays up when
   * empty
   * until {@link #endCall(String)}.
   *
   * @param coSpaceId the id of an existing coSpace
   * @return the id of the call, new or already running
   * @throws IllegalArgumentException if the coSpace does not exist
   */
  public String startCall(String coSpaceId) {
    requireNonNull(coSpaceId, "coSpaceId == null");
    return node.testStartCall(coSpaceId);
  }

  /**
   * Ends a call (legs end with reason {@code callEnded}, then {@code callEnd} is recorded).
   *
   * @param callId the id of a running call on this bridge
   */
  public void endCall(String callId) {
    requireNonNull(callId, "callId == null");
    node.testEndCall(callId);
  }

  /**
   * A scripted endpoint at {@code remoteParty} dials in to the coSpace's meeting on this bridge
   * (the
   * meeting starts if needed and ends when the last participant leaves, unless started by
   * {@link #startCall}). The leg is connected at once. Returns the new leg.
   *
   * @param coSpaceId the id of the coSpace whose meeting to join
   * @param remoteParty the endpoint's address, such as {@code alice@example.com}
   * @param displayName the participant's name as shown in the meeting, or empty
   * @return a snapshot of the new, connected leg
   */
  public CallLegInfo join(String coSpaceId, String remoteParty, String displayName) {
    requireNonNull(coSpaceId, "coSpaceId == null");
    requireNonNull(remoteParty, "remoteParty == null");
    requireNonNull(displayName, "displayName == null");
    return node.testJoin(coSpaceId, remoteParty, displayName);
  }

  /**
   * A scripted endpoint dials {@code dialled} (a coSpace or access method URI, with or without
   * {@code @domain}, or a call ID) and joins that meeting. The effective call leg profile (the
   * access
   * method's, else the coSpace's) applies: with {@code needsActivation=true} the leg waits in the
   * lobby
   * ({@code deactivated=true}) until an activator joins.
   *
   * @param dialled what the endpoint dials: a coSpace or access method URI, or a numeric call ID
   * @param remoteParty the endpoint's address, such as {@code alice@example.com}
   * @param displayName the participant's name as shown in the meeting, or empty
   * @return a snapshot of the new leg (in the lobby if the profile needs activation)
   * @throws IllegalArgumentException if nothing answers to {@code dialled}
   */
  public CallLegInfo dial(String dialled, String remoteParty, String displayName) {
    requireNonNull(dialled, "dialled == null");
    requireNonNull(remoteParty, "remoteParty == null");
    requireNonNull(displayName, "displayName == null");
    return node.testDial(dialled, remoteParty, displayName);
  }

  /**
   * The endpoint on a leg hangs up (reason {@code remoteTeardown}).
   *
   * @param callLegId the id of a live leg on this bridge
   */
  public void leave(String callLegId) {
    requireNonNull(callLegId, "callLegId == null");
    node.testLeave(callLegId);
  }

  /**
   * The endpoint on a leg sends DTMF digits (a {@code 1} confirms a pending confirmation prompt).
   *
   * @param callLegId the id of a live leg on this bridge
   * @param digits the DTMF digits, {@code 0-9}, {@code *} and {@code #}
   */
  public void pressKeys(String callLegId, String digits) {
    requireNonNull(callLegId, "callLegId == null");
    requireNonNull(digits, "digits == null");
    node.testKeys(callLegId, digits);
  }

  /**
   * The endpoint on a leg becomes its call's active speaker; the previous speaker stops. Shows in
   * the Events roster ({@code activeSpeaker}).
   *
   * @param callLegId the live leg
   * @throws IllegalArgumentException if no live leg has that id on this bridge
   */
  public void startSpeaking(String callLegId) {
    requireNonNull(callLegId, "callLegId == null");
    node.testSpeak(callLegId);
  }

  /**
   * The endpoint on a leg starts presenting (taking over from whoever presented) or stops. Shows in
   * the Events roster ({@code presenter}) and as the call's {@code presenterCallLeg}.
   *
   * @param callLegId the live leg
   * @param presenting true to start, false to stop
   * @throws IllegalArgumentException if no live leg has that id on this bridge
   */
  public void present(String callLegId, boolean presenting) {
    requireNonNull(callLegId, "callLegId == null");
    node.testPresent(callLegId, presenting);
  }

  /** {@return the active call ids on this bridge} */
  public List<String> activeCallIds() {
    return node.testActiveCallIds();
  }

  /**
   * {@return a snapshot of a leg, live or ended}
   *
   * @param callLegId the leg's id, as in {@code /callLegs}
   */
  public Optional<CallLegInfo> findCallLeg(String callLegId) {
    requireNonNull(callLegId, "callLegId == null");
    return node.testFindLeg(callLegId);
  }

  /**
   * {@return snapshots of every leg this bridge ever hosted, in start order of their end or now}
   */
  public List<CallLegInfo> callLegs() {
    return node.testAllLegs();
  }

  /** Stops the bridge: connections are refused, its calls vanish, events sockets close. */
  public void stop() {
    node.stop();
  }

  /** Restarts a stopped (or running) bridge on the same port with a new CDR session GUID. */
  public void restart() {
    node.restart();
  }

  /** Closes every open Events WebSocket on this bridge (clients see the socket close). */
  public void closeEventSockets() {
    node.testCloseEventSockets();
  }

  /** {@return the number of open Events WebSocket sessions} */
  public int openEventSockets() {
    return node.testOpenEventSockets();
  }

  /** {@return the cluster this bridge belongs to} */
  public SimulatedCluster cluster() {
    return cluster;
  }

  @Override
  public String toString() {
    return "SimulatedCallBridge[" + name() + ", " + baseUrl() + "]";
  }
}
