package io.mmsdk.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed ch. 7: "If the Call Bridge or Edge Node you added is part of a cluster, the other Call
 * Bridges or Edge Nodes in the cluster are auto-discovered and displayed below so you can easily
 * add them."
 */
class CallBridgeDiscoveryTest {

  private static CallBridge bridge(SimulatedCluster sim, int i, String name) {
    URI url = URI.create(sim.callBridge(i).baseUrl());
    return CallBridge.builder().name(name).address(BridgeAddress.of(url.getHost(), url.getPort()))
        .credentials(sim.apiUsername(), sim.apiPassword())
        .trust(TlsTrust.pemCertificates(sim.findCaCertificatePem().orElseThrow())).build();
  }

  @Test
  void discoverCallBridges_oneRegistered_listsTheOthersFromCallBridges() {
    try (SimulatedCluster sim = SimulatedCluster.start(
        ClusterOptions.builder().callBridges(3).https(true).build())) {
      ClusterRegistry registry = ClusterRegistry.inMemory();
      Cluster c = registry.add(Cluster.builder().name("lab")
          .addCallBridge(bridge(sim, 0, "first")).build());
      List<DiscoveredCallBridge> found = registry.discoverCallBridges(c.id());
      assertEquals(List.of("cb2", "cb3"), found.stream().map(DiscoveredCallBridge::name).toList());
      assertEquals(URI.create(sim.callBridge(1).baseUrl()).getHost(), found.get(0).suggestedHost());

      registry.addCallBridge(c.id(), bridge(sim, 1, "cb2"));
      assertEquals(List.of("cb3"), registry.discoverCallBridges(c.id()).stream()
          .map(DiscoveredCallBridge::name).toList());
    }
  }

  @Test
  void discoverCallBridges_noBridgeAnswers_clearError() {
    ClusterRegistry registry = ClusterRegistry.inMemory();
    Cluster c = registry.add(Cluster.builder().name("dark").addCallBridge(CallBridge.builder()
        .name("x").address(BridgeAddress.of("127.0.0.1", 1)).credentials("a", "b").build()).build());
    ClusterException e = assertThrows(ClusterException.class,
        () -> registry.discoverCallBridges(c.id()));
    assertEquals(true, e.getMessage().contains("dark"), e.getMessage());
  }
}
