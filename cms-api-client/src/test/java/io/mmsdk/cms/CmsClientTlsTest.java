package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.tls.TlsSetupException;
import io.mmsdk.common.tls.TlsTrust;
import java.nio.file.Path;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client's TLS against a server whose certificate is issued by a CA made in the test. */
class CmsClientTlsTest {
  private HeldCertificate ca;
  private MockWebServer server;

  @BeforeEach
  void setUp() throws Exception {
    ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Test CMS CA").build();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.close();
  }

  private void startServerFor(String sanHost) throws Exception {
    HeldCertificate serverCert = new HeldCertificate.Builder()
        .signedBy(ca).commonName("cms").addSubjectAlternativeName(sanHost).build();
    HandshakeCertificates serverTls = new HandshakeCertificates.Builder()
        .heldCertificate(serverCert, ca.certificate()).build();
    server = new MockWebServer();
    server.useHttps(serverTls.sslSocketFactory());
    server.start();
    server.enqueue(MockCms.xml("<status><softwareVersion>3.2.1</softwareVersion></status>"));
  }

  private CmsClient client(TlsTrust trust) {
    return CmsClient.builder().host("localhost").port(server.getPort()).credentials("a", "b")
        .tlsTrust(trust).retryPolicy(RetryPolicy.none()).build();
  }

  @Test
  void pemCertificates_serverCertFromThatCa_connects() throws Exception {
    startServerFor("localhost");

    try (CmsClient cms = client(TlsTrust.pemCertificates(ca.certificatePem()))) {
      assertEquals(new CmsVersion(3, 2, 1, "3.2.1"), cms.systemStatus().softwareVersion());
      assertTrue(cms.apiBase().toString().startsWith("https://localhost:"));
    }
  }

  @Test
  void certificates_x509FromThatCa_connects() throws Exception {
    startServerFor("localhost");

    try (CmsClient cms = client(TlsTrust.certificates(java.util.List.of(ca.certificate())))) {
      assertEquals(3, cms.systemStatus().softwareVersion().major());
    }
    assertThrows(IllegalArgumentException.class, () -> TlsTrust.certificates(java.util.List.of()));
  }

  @Test
  void systemDefault_unknownCa_refusedWithTrustAdvice() throws Exception {
    startServerFor("localhost");

    try (CmsClient cms = client(TlsTrust.systemDefault())) {
      CmsConnectionException e = assertThrows(CmsConnectionException.class, cms::systemStatus);

      assertInstanceOf(SSLException.class, e.getCause());
      assertTrue(e.getMessage().contains("TlsTrust.pemCertificates"), e.getMessage());
    }
  }

  @Test
  void pemCertificates_certificateForAnotherHost_refusedByDefault() throws Exception {
    startServerFor("cms.example.com");

    try (CmsClient cms = client(TlsTrust.pemCertificates(ca.certificatePem()))) {
      CmsConnectionException e = assertThrows(CmsConnectionException.class, cms::systemStatus);

      assertInstanceOf(SSLException.class, e.getCause());
    }
  }

  @Test
  void pemCertificates_sharedOkHttpClientAcceptingAnyHost_wrongHostStillRefused() throws Exception {
    startServerFor("cms.example.com");

    try (CmsClient cms = CmsClient.builder().host("localhost").port(server.getPort()).credentials("a", "b")
        .okHttpClient(permissiveClient()).tlsTrust(TlsTrust.pemCertificates(ca.certificatePem()))
        .retryPolicy(RetryPolicy.none()).build()) {
      CmsConnectionException e = assertThrows(CmsConnectionException.class, cms::systemStatus);

      assertInstanceOf(SSLHandshakeException.class, e.getCause());
    }
  }

  @Test
  void systemDefault_sharedOkHttpClientTrustingAnyCa_unknownCaStillRefused() throws Exception {
    startServerFor("localhost");

    try (CmsClient cms = CmsClient.builder().host("localhost").port(server.getPort()).credentials("a", "b")
        .okHttpClient(permissiveClient()).retryPolicy(RetryPolicy.none()).build()) {
      CmsConnectionException e = assertThrows(CmsConnectionException.class, cms::systemStatus);

      assertInstanceOf(SSLException.class, e.getCause());
    }
  }

  /** A caller's client that trusts this test's CA for any host name: the SDK must not inherit that. */
  private OkHttpClient permissiveClient() {
    HandshakeCertificates trustTestCa = new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build();
    return new OkHttpClient.Builder()
        .sslSocketFactory(trustTestCa.sslSocketFactory(), trustTestCa.trustManager())
        .hostnameVerifier((hostname, session) -> true)
        .build();
  }

  @Test
  void insecureTrustAll_unknownCaAndWrongHost_connects() throws Exception {
    startServerFor("cms.example.com");

    try (CmsClient cms = client(TlsTrust.insecureTrustAllForLabUseOnly())) {
      assertEquals(3, cms.systemStatus().softwareVersion().major());
    }
  }

  @Test
  void pemFile_missing_buildFailsNamingTheFile() throws Exception {
    startServerFor("localhost");
    Path missing = Path.of("does-not-exist", "cms-ca.pem");

    TlsSetupException e = assertThrows(TlsSetupException.class, () -> client(TlsTrust.pemFile(missing)));

    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }
}
