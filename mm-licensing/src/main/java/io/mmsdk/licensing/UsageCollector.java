package io.mmsdk.licensing;

import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One collection round of {@link LicenseMonitor} over every registered cluster, and what the last
 * round that reached each Call Bridge read of it (activation, multiparty use). The caller keeps
 * rounds from overlapping; the last-read views may be asked from any thread.
 */
final class UsageCollector {
  // Logged under the monitor's name, as before the monitor was split.
  private static final Logger log = LoggerFactory.getLogger(LicenseMonitor.class);

  private final ClusterRegistry registry;
  private final Function<CallBridge, UsageSource> sources;
  private final UsageStore usage;
  private final LicensingAlerts alerts;
  private final Duration backfill;
  private final Duration retention;
  private final Map<String, Boolean> bridgeActivated = new ConcurrentHashMap<>();
  private final Map<String, MultipartyUsage> multiparty = new ConcurrentHashMap<>();

  UsageCollector(ClusterRegistry registry, Function<CallBridge, UsageSource> sources,
      UsageStore usage, LicensingAlerts alerts, Duration backfill, Duration retention) {
    this.registry = registry;
    this.sources = sources;
    this.usage = usage;
    this.alerts = alerts;
    this.backfill = backfill;
    this.retention = retention;
  }

  /**
   * For each cluster, tries its bridges in registry order: a reachable bridge lists its known
   * hosts, and each host not yet read this round is read from its newest stored sample (or {@code
   * backfill} ago) up to {@code now}. A bridge that fails raises its notification and the round
   * goes on with the next. Then prunes samples older than the retention.
   *
   * @throws LicenseStoreException if the usage store fails (the round stops)
   */
  CollectionResult collect(Instant now) {
    int added = 0;
    List<String> hostsDone = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    for (Cluster cluster : registry.clusters()) {
      Set<String> done = new HashSet<>();
      for (CallBridge bridge : cluster.callBridges()) {
        try {
          UsageSource source = sources.apply(bridge);
          bridgeActivated.put(bridge.id(), source.hasActivation());
          multiparty.put(bridge.id(), source.multipartyUsage());
          for (String host : source.knownHosts()) {
            if (done.contains(host)) {
              continue;
            }
            Instant from = usage.findLatest(host).orElse(now.minus(backfill));
            added += usage.append(source.usage(host, from, now));
            done.add(host);
            hostsDone.add(host);
          }
          alerts.bridgeAnswered(bridge);
        } catch (LicenseStoreException e) {
          throw e;
        } catch (RuntimeException e) {
          log.warn("License usage collection from Call Bridge {} failed: {}", bridge.name(),
              e.toString());
          log.debug("Collection failure detail", e);
          unreachable.add(bridge.id());
          alerts.bridgeFailed(bridge, e);
        }
      }
    }
    usage.prune(now.minus(retention));
    return new CollectionResult(now, added, hostsDone, unreachable);
  }

  /** {@return each bridge's multiparty license use as last read, by bridge id} */
  Map<String, MultipartyUsage> multipartyUsage() {
    return Map.copyOf(multiparty);
  }

  /** {@return the sum of {@code weightedCallsWithoutPersonalLicense} over the cluster's bridges} */
  double sharedLicenseDemand(String clusterId) {
    double sum = 0;
    for (CallBridge b : registry.cluster(clusterId).callBridges()) {
      MultipartyUsage m = multiparty.get(b.id());
      if (m != null) {
        sum += m.weightedCallsWithoutPersonalLicense();
      }
    }
    return sum;
  }

  /** {@return the registered bridges last read without an activation key} */
  int bridgesWithoutActivation() {
    int withoutKey = 0;
    for (Cluster c : registry.clusters()) {
      for (CallBridge bridge : c.callBridges()) {
        if (Boolean.FALSE.equals(bridgeActivated.get(bridge.id()))) {
          withoutKey++;
        }
      }
    }
    return withoutKey;
  }
}
