package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.ClusterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LicensingAndFaultsTest {
  private SimulatedCluster cms;
  private Http api;

  @BeforeEach
  void start() {
    cms = SimulatedCluster.start(ClusterOptions.builder().callBridges(2).build());
    api = new Http(cms, 0);
  }

  @AfterEach
  void stop() {
    cms.close();
  }

  @Test
  void licenseUsage_snapshotEveryFiveMinutesNormalisedOverBridges() {
    String space = api.post("coSpaces", "name", "Spread").idFromLocation();
    cms.callBridge(0).join(space, "a@x", "A");
    cms.callBridge(1).join(space, "b@x", "B");
    cms.clock().advance(Duration.ofMinutes(10));
    Http.Reply usage = api.get("system/MPLicenseUsage?hostId=" + cms.callBridge(0).hostId());
    assertEquals("2", usage.total());
    assertEquals("0.50", usage.text("smpFull"));
    assertTrue(usage.body().contains("<entry time=\"2026-01-05T09:10:00Z\">"), usage.body());
    Http.Reply hosts = api.get("system/MPLicenseUsage/knownHosts");
    assertEquals("2", hosts.total());
    assertEquals("0.500", api.get("system/multipartyLicensing").text("weightedCallsActive"));
  }

  @Test
  void licenseUsage_spaceOfLicensedOwner_countsAsPmp() throws Exception {
    String profile = api.post("userProfiles", "hasLicense", "true").idFromLocation();
    com.unboundid.ldap.listener.InMemoryDirectoryServerConfig config =
        new com.unboundid.ldap.listener.InMemoryDirectoryServerConfig("dc=example,dc=com");
    config.setSchema(null);
    com.unboundid.ldap.listener.InMemoryDirectoryServer ldap =
        new com.unboundid.ldap.listener.InMemoryDirectoryServer(config);
    try {
      ldap.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
      ldap.add("dn: uid=ann,dc=example,dc=com", "objectClass: inetOrgPerson", "uid: ann", "cn: Ann");
      ldap.startListening();
      String server = api.post("ldapServers", "address", "127.0.0.1", "portNumber",
          String.valueOf(ldap.getListenPort())).idFromLocation();
      String mapping = api.post("ldapMappings", "jidMapping", "$uid$@example.com",
          "coSpaceUriMapping", "$uid$.space").idFromLocation();
      api.post("ldapSources", "server", server, "mapping", mapping, "baseDn", "dc=example,dc=com",
          "filter", "(uid=*)", "userProfile", profile);
      api.post("ldapSyncs");
    } finally {
      ldap.shutDown(true);
    }
    cms.callBridge(0).dial("ann.space", "guest@x", "Guest");
    cms.clock().advance(Duration.ofMinutes(5));
    Http.Reply usage = api.get("system/MPLicenseUsage");
    assertEquals("1.00", usage.text("pmp"));
    assertEquals("", usage.text("smpFull"));
    assertEquals("0", api.get("system/multipartyLicensing").text("callsWithoutPersonalLicense"));
  }

  @Test
  void licenseUsage_seededHistoryFilteredByTime() {
    Instant t = Instant.parse("2025-12-01T00:00:00Z");
    cms.addLicenseUsage("host-x", t, Map.of("smpFull", "3.00"));
    cms.addLicenseUsage("host-x", t.plusSeconds(300), Map.of("smpFull", "4.00"));
    Http.Reply all = api.get("system/MPLicenseUsage?hostId=host-x");
    assertEquals("2", all.total());
    assertEquals("4.00", all.text("smpFull"));
    assertEquals("1", api.get("system/MPLicenseUsage?hostId=host-x&endTime=2025-12-01T00:01:00Z")
        .total());
    assertTrue(api.get("system/MPLicenseUsage?startTime=yesterday").body().contains("parameterError"));
  }

  @Test
  void clusterLicensing_featureStatusSettable() {
    cms.setLicenseFeature("recording", "expired", "2026-Jan-01");
    Http.Reply r = api.get("clusterLicensing");
    assertTrue(r.body().contains("<recording><status>expired</status><expiry>2026-Jan-01</expiry>"
        + "</recording>"), r.body());
  }

  @Test
  void faults_failNextMatchingOnly() {
    cms.callBridge(0).faults().failNext("POST", "calls/*/callLegs", 1, 503);
    assertEquals(200, api.get("coSpaces").code());
    String space = api.post("coSpaces", "name", "S").idFromLocation();
    String call = cms.callBridge(0).startCall(space);
    assertEquals(503, api.post("calls/" + call + "/callLegs", "remoteParty", "x@y").code());
    assertEquals(200, api.post("calls/" + call + "/callLegs", "remoteParty", "x@y").code());
  }

  @Test
  void faults_failNthAndReason() {
    cms.callBridge(0).faults().failNth("POST", "coSpaces", 2, 500)
        .failNextWithReason("GET", "tenants", 1, "databaseNotReady");
    assertEquals(200, api.post("coSpaces", "name", "1").code());
    assertEquals(500, api.post("coSpaces", "name", "2").code());
    assertEquals(200, api.post("coSpaces", "name", "3").code());
    assertTrue(api.get("tenants").body().contains("<databaseNotReady/>"));
    assertEquals("2", api.get("coSpaces").total());
  }

  @Test
  void faults_dropResponseAfterApplying_writeHappened() {
    Http api = new Http(cms.callBridge(0), "admin", "password",
        new OkHttpClient.Builder().retryOnConnectionFailure(false).build());
    cms.callBridge(0).faults().dropResponseAfterApplying("POST", "coSpaces", 1);
    assertThrows(UncheckedIOException.class, () -> api.post("coSpaces", "name", "in doubt"));
    assertEquals("1", api.get("coSpaces").total());
    cms.callBridge(0).faults().dropNext("POST", "coSpaces", 1);
    assertThrows(UncheckedIOException.class, () -> api.post("coSpaces", "name", "lost"));
    assertEquals("1", api.get("coSpaces").total());
  }

  @Test
  void stoppedBridge_refusesConnectionsUntilRestart() {
    cms.callBridge(1).stop();
    Http down = new Http(cms, 1);
    assertThrows(UncheckedIOException.class, () -> down.get("coSpaces"));
    cms.callBridge(1).restart();
    assertEquals(200, new Http(cms, 1).get("coSpaces").code());
  }

  @Test
  void https_clientTrustingCa_connects() throws IOException {
    try (SimulatedCluster secure = SimulatedCluster.start(ClusterOptions.builder().https(true).build())) {
      assertTrue(secure.callBridge(0).baseUrl().startsWith("https://127.0.0.1:"));
      assertTrue(secure.findCaCertificatePem().orElseThrow().startsWith("-----BEGIN CERTIFICATE-----"));
      HandshakeCertificates trust = new HandshakeCertificates.Builder()
          .addTrustedCertificate(secure.findCaCertificate().orElseThrow()).build();
      OkHttpClient client = new OkHttpClient.Builder()
          .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager()).build();
      Request r = new Request.Builder().url(secure.callBridge(0).baseUrl() + "/api/v1/system/status")
          .header("Authorization", okhttp3.Credentials.basic("admin", "password")).build();
      try (Response response = client.newCall(r).execute()) {
        assertEquals(200, response.code());
      }
    }
  }
}
