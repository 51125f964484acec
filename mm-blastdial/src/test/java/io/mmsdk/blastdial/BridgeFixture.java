package io.mmsdk.blastdial;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.Form;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated cluster (cms-testkit, real HTTP on loopback) as blast dial tests see it: blast
 * dial reaches its first Call Bridge through cms-api-client ({@link #gateway}), and every second of
 * simulated time the legs' changes reach the listening {@link BlastDial}s the way the CDR
 * callLegUpdate / callLegEnd records carry them. The cluster and blast dial share one {@link
 * SimulatedClock} ({@link #clock}), so the endpoints' scripted answers and blast dial's timers run
 * in one time order; nothing sleeps.
 */
final class BridgeFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

  final SimulatedClock clock = SimulatedClock.startingAt(START);
  final SimulatedCluster cms;
  final SimulatedCallBridge bridge;
  final CmsClient client;
  final CmsCallBridgeGateway gateway;
  private final List<BlastDial> listeners = new CopyOnWriteArrayList<>();
  /** The last state/confirmation of each leg passed to the listeners. */
  private final Map<String, String> fed = new HashMap<>();

  /**
   * Starts a cluster on the fixture's clock.
   *
   * @param options the cluster's options; the clock is set here
   */
  BridgeFixture(ClusterOptions.Builder options) {
    cms = SimulatedCluster.start(options.clock(clock).build());
    bridge = cms.callBridge(0);
    client = CmsClient.builder()
        .baseUrl(bridge.baseUrl())
        .credentials(cms.apiUsername(), cms.apiPassword())
        .retryPolicy(RetryPolicy.none())
        .build();
    gateway = CmsCallBridgeGateway.create(client);
    clock.scheduleRepeating(Duration.ofSeconds(1), Duration.ofSeconds(1), this::feed);
  }

  /** Starts a one-bridge cluster. */
  BridgeFixture() {
    this(ClusterOptions.builder());
  }

  /** {@return the id of a new coSpace named {@code name}, created over the REST API} */
  String createSpace(String name) {
    return client.coSpaces().create(Form.builder().set("name", name)
        .set("uri", name.toLowerCase(java.util.Locale.ROOT)).build());
  }

  /** Makes {@code blast} receive leg changes from now on. */
  void listen(BlastDial blast) {
    listeners.add(blast);
  }

  /** Stops passing leg changes to {@code blast} (it was closed, as a stopped process would be). */
  void unlisten(BlastDial blast) {
    listeners.remove(blast);
  }

  /** Passes the legs' changes since the last feed to the listeners. */
  private void feed() {
    for (CallLegInfo leg : bridge.callLegs()) {
      String seen = leg.state() + "/" + leg.confirmationStatus();
      if (seen.equals(fed.put(leg.id(), seen))) {
        continue;
      }
      for (BlastDial b : listeners) {
        if (leg.isEnded()) {
          b.callLegEnded(leg.id(), leg.endReason(), leg.confirmationStatus());
        } else if (leg.state().equals("connected")) {
          b.callLegConnected(leg.id(), leg.confirmationStatus());
        }
      }
    }
  }

  /** {@return the dial-outs that reached the first bridge, live or ended} */
  List<CallLegInfo> dialOuts() {
    return bridge.callLegs().stream().filter(l -> l.direction().equals("outgoing")).toList();
  }

  /** {@return how many dial-outs to {@code address} reached the first bridge} */
  long dialsTo(String address) {
    return dialOuts().stream().filter(l -> l.remoteParty().equals(address)).count();
  }

  /**
   * {@return for each address dialed out of {@code callId}, whether the dial-out asked for the
   * confirmation prompt}
   */
  Map<String, Boolean> confirmations(String callId) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (CallLegInfo l : dialOuts()) {
      if (l.callId().equals(callId)) {
        out.put(l.remoteParty(), !l.confirmationStatus().equals("notRequired"));
      }
    }
    return out;
  }

  @Override
  public void close() {
    client.close();
    cms.close();
  }
}
