package io.mmsdk.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsConnectionException;
import io.mmsdk.common.tls.TlsSetupException;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallBridgeClientTest {
  private static SimulatedCluster sim;

  @BeforeAll
  static void start() {
    sim = SimulatedCluster.start(ClusterOptions.builder().callBridges(1).https(true).credentials("mmapi", "api-Pa55").build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static CallBridge.Builder bridge(TlsTrust trust) {
    URI url = URI.create(sim.callBridge(0).baseUrl());
    return CallBridge.builder().name("cb1").address(BridgeAddress.of(url.getHost(), url.getPort()))
        .credentials("mmapi", "api-Pa55").trust(trust);
  }

  @Test
  void client_registeredBridgeWithPemTrust_talksToBridge() {
    ClusterRegistry registry = ClusterRegistry.inMemory();
    CallBridge b = bridge(TlsTrust.pemCertificates(sim.findCaCertificatePem().orElseThrow())).build();
    registry.add(Cluster.builder().name("lab").addCallBridge(b).build());
    try (CmsClient client = registry.client(b.id())) {
      assertNotNull(client.systemStatus());
      assertEquals(b.address().port(), client.apiBase().getPort());
    }
  }

  @Test
  void client_pemFile_readWhenBuilt(@TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("ca.pem"), sim.findCaCertificatePem().orElseThrow());
    try (CmsClient client = bridge(TlsTrust.pemFile(pem)).build().clientBuilder().build()) {
      assertNotNull(client.systemStatus());
    }
    Path missingFile = dir.resolve("missing.pem");
    CmsClient.Builder missing = bridge(TlsTrust.pemFile(missingFile)).build().clientBuilder();
    TlsSetupException e = assertThrows(TlsSetupException.class, missing::build);
    assertEquals(missingFile, e.findFile().orElseThrow());
  }

  @Test
  void client_systemTrust_rejectsGeneratedCa() {
    try (CmsClient client = bridge(TlsTrust.systemDefault()).build().clientBuilder().build()) {
      assertThrows(CmsConnectionException.class, client::systemStatus);
    }
  }

  @Test
  void client_insecureLabTrust_talksToBridgeWithAGeneratedCa() {
    try (CmsClient lab = bridge(TlsTrust.insecureTrustAllForLabUseOnly()).build().clientBuilder().build()) {
      assertNotNull(lab.systemStatus());
    }
  }
}
