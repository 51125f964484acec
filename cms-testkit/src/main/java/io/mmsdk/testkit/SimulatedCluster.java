package io.mmsdk.testkit;

import static java.util.Objects.requireNonNull;

import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.SimulatedClock;
import io.mmsdk.testkit.internal.BridgeNode;
import io.mmsdk.testkit.internal.Engine;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-process simulated Cisco Meeting Server cluster on loopback: one or more Call Bridges
 * sharing one
 * configuration database, each with its own REST API, Events WebSocket, calls and CDR push.
 *
 * <pre>{@code
 * try (SimulatedCluster cms =
 * SimulatedCluster.start(ClusterOptions.builder().callBridges(2).build())) {
 *   String url = cms.callBridge(0).baseUrl();          // http://127.0.0.1:port
 *   // ... point a client at url with cms.apiUsername() / cms.apiPassword()
 *   cms.clock().advance(Duration.ofSeconds(10));        // run scripted endpoints
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops every server and background thread.
 */
public final class SimulatedCluster implements AutoCloseable {
  private final Engine engine;
  private final List<SimulatedCallBridge> bridges;

  private SimulatedCluster(Engine engine) {
    this.engine = engine;
    List<SimulatedCallBridge> list = new ArrayList<>();
    for (BridgeNode node : engine.bridges()) {
      list.add(new SimulatedCallBridge(node, this));
    }
    this.bridges = List.copyOf(list);
  }

  /**
   * Starts a cluster with {@code options}; every bridge listens on 127.0.0.1 before this returns.
   *
   * @param options what to start: bridges, credentials, HTTPS, ports, clock, limits; not null
   * @return the running cluster; close it to stop every bridge
   */
  public static SimulatedCluster start(ClusterOptions options) {
    return new SimulatedCluster(Engine.start(requireNonNull(options, "options == null")));
  }

  /**
   * Starts a cluster with {@link ClusterOptions#defaults()}.
   *
   * @return the running cluster; close it to stop every bridge
   */
  public static SimulatedCluster start() {
    return start(ClusterOptions.defaults());
  }

  /** {@return the options the cluster runs with} */
  public ClusterOptions options() {
    return engine.options();
  }

  /** {@return all Call Bridges, in order} */
  public List<SimulatedCallBridge> callBridges() {
    return bridges;
  }

  /**
   * The Call Bridge at {@code index} (0-based).
   *
   * @param index the bridge's position, 0 to {@code callBridges().size() - 1}
   * @return the bridge
   * @throws IndexOutOfBoundsException if there is no bridge at {@code index}
   */
  public SimulatedCallBridge callBridge(int index) {
    if (index < 0 || index >= bridges.size()) {
      throw new IndexOutOfBoundsException(
          "callBridge index must be 0.." + (bridges.size() - 1) + ", was " + index);
    }
    return bridges.get(index);
  }

  /** {@return the API user name} */
  public String apiUsername() {
    return engine.options().apiUsername();
  }

  /** {@return the API password} */
  public String apiPassword() {
    return engine.options().apiPassword();
  }

  /** {@return the clock driving simulated time; advance it to make scripted things happen} */
  public SimulatedClock clock() {
    return engine.options().clock();
  }

  /** {@return the PEM of the CA that issued the bridges' certificate, when HTTPS is on} */
  public Optional<String> findCaCertificatePem() {
    return Optional.ofNullable(engine.caCertificatePem());
  }

  /** {@return the CA certificate that issued the bridges' certificate, when HTTPS is on} */
  public Optional<X509Certificate> findCaCertificate() {
    return Optional.ofNullable(engine.caCertificate());
  }

  /**
   * Scripts the endpoint at {@code address} (case-insensitive, {@code sip:} prefix ignored): the
   * n-th
   * dial to it follows the n-th script, the last script repeats. Unscripted addresses answer at
   * once.
   * Replaces an earlier script for the address and resets its attempt count.
   *
   * @param address the dialled address, such as {@code bob@example.com}; not null
   * @param attempts one script per dial attempt, at least one; the last repeats
   * @throws IllegalArgumentException if no script is given
   */
  public void scriptEndpoint(String address, EndpointScript... attempts) {
    requireNonNull(address, "address == null");
    if (attempts.length == 0) {
      throw new IllegalArgumentException("give at least one EndpointScript for " + address);
    }
    engine.scriptEndpoint(address, List.of(attempts));
  }

  /**
   * How many times the cluster has dialled {@code address} since it was last scripted.
   *
   * @param address the dialled address, compared as in {@link #scriptEndpoint}; not null
   * @return how many dial-outs went to {@code address}
   */
  public int dialAttempts(String address) {
    requireNonNull(address, "address == null");
    return engine.dialAttempts(address);
  }

  /**
   * Waits (real time, at most {@code timeout}) until every bridge has delivered every CDR to every
   * receiver, retrying failed deliveries at once. Returns false on timeout.
   *
   * @param timeout the longest real time to wait; not null
   * @return true once everything was delivered, false on timeout or when interrupted
   */
  public boolean awaitCdrDelivered(Duration timeout) {
    requireNonNull(timeout, "timeout == null");
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (BridgeNode node : engine.bridges()) {
        long left = deadline - System.nanoTime();
        if (!node.awaitCdrDelivered(Duration.ofNanos(Math.max(0, left)))) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Seeds one {@code /system/MPLicenseUsage} entry for {@code hostId} at {@code time}; {@code
   * values}
   * maps element names ({@code smpFull}, {@code smpAud}, {@code smpPtP}, {@code pmp}, {@code rec},
   * {@code str}) to their text (e.g. {@code "1.00"}).
   *
   * @param hostId the Call Bridge host id the entry belongs to; not null
   * @param time the entry's time; not null
   * @param values element name to text, for example {@code smpFull} to {@code "1.00"}; not null
   */
  public void addLicenseUsage(String hostId, Instant time, Map<String, String> values) {
    requireNonNull(hostId, "hostId == null");
    requireNonNull(time, "time == null");
    requireNonNull(values, "values == null");
    engine.addLicenseUsage(hostId, time, values);
  }

  /**
   * Sets a {@code /clusterLicensing} (and {@code /system/licensing}) feature: {@code status} is
   * {@code noLicense}, {@code activated}, {@code grace} or {@code expired}; {@code expiry} like
   * {@code 2026-Mar-31}, or empty.
   *
   * @param feature the feature's element name, for example {@code callBridge} or {@code recording};
   *     not null
   * @param status {@code noLicense}, {@code activated}, {@code grace} or {@code expired}; not null
   * @param expiry the expiry date as CMS writes it ({@code 2026-Mar-31}), or empty for none; not
   *     null
   */
  public void setLicenseFeature(String feature, String status, String expiry) {
    requireNonNull(feature, "feature == null");
    requireNonNull(status, "status == null");
    requireNonNull(expiry, "expiry == null");
    engine.setClusterLicense(feature, status, expiry);
  }

  /** Stops every bridge and background thread. */
  @Override
  public void close() {
    engine.close();
  }

  @Override
  public String toString() {
    return "SimulatedCluster[" + bridges + "]";
  }
}
