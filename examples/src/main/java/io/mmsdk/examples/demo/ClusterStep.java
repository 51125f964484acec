package io.mmsdk.examples.demo;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.SystemStatus;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.testkit.SimulatedCallBridge;
import java.net.URI;

/** Step: register the simulated cluster in the mm-core cluster registry and greet each bridge. */
final class ClusterStep {
  private ClusterStep() {}

  static Cluster run(Progress progress, SimulatedWorld world, ClusterRegistry registry) {
    progress.step("Register the cluster (mm-core ClusterRegistry)");
    Cluster.Builder cluster = Cluster.builder().name("Simulated Oslo").manageMeetings(true);
    for (SimulatedCallBridge b : world.cms.callBridges()) {
      URI base = URI.create(b.baseUrl());
      cluster.addCallBridge(CallBridge.builder()
          .name(b.name())
          .address(base.getHost() + ":" + base.getPort())
          .credentials(world.cms.apiUsername(), world.cms.apiPassword())
          .trust(TlsTrust.pemCertificates(world.caPem()))
          .build());
    }
    Cluster added = registry.add(cluster.build());
    progress.line("cluster '%s' id=%s, %d Call Bridges, manage meetings: %s", added.name(), added.id(),
        added.callBridges().size(), added.manageMeetings());
    for (CallBridge bridge : added.callBridges()) {
      try (CmsClient client = registry.client(bridge.id())) {
        SystemStatus status = client.systemStatus();
        progress.line("%s at %s: CMS %s, host %s (HTTPS, CA from the testkit)", bridge.name(),
            bridge.address(), status.softwareVersion(), status.hostId());
      }
    }
    return added;
  }
}
