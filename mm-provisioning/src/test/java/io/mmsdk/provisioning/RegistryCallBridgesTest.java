package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistryCallBridgesTest {

  @Test
  void find_registeredBridge_talksToItAndForgetsItWhenRemoved() {
    try (SimulatedCluster cms = SimulatedCluster.start(ClusterOptions.builder().https(true).build())) {
      URI base = URI.create(cms.callBridge(0).baseUrl());
      ClusterRegistry registry = ClusterRegistry.inMemory();
      registry.add(Cluster.builder().id("c1").name("Cluster 1")
          .addCallBridge(CallBridge.builder().id("b1").name("cb1").address(base.getHost() + ":" + base.getPort())
              .credentials(cms.apiUsername(), cms.apiPassword())
              .trust(TlsTrust.pemCertificates(cms.findCaCertificatePem().orElseThrow())).build())
          .build());
      try (RegistryCallBridges bridges = RegistryCallBridges.create(registry)) {
        CmsGateway gateway = bridges.find("cb1").orElseThrow();
        assertEquals(0, gateway.list(CmsKind.LDAP_SERVER, null).size());
        assertTrue(bridges.find("b1").isPresent(), "found by id too");
        registry.removeCallBridge("b1");
        assertTrue(bridges.find("cb1").isEmpty());
      }
    }
  }
}
