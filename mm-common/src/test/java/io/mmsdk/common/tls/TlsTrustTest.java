package io.mmsdk.common.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every TLS client of the SDK gets these checks: raw sockets here, OkHttp, LDAP and syslog in their modules. */
class TlsTrustTest {
  private static final HeldCertificate CA = TlsServer.ca("Test CA");

  @Test
  void pemCertificates_certificateForThatHost_handshakes() throws Exception {
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(CA, "localhost"), CA)) {
      TlsClientContext tls = TlsTrust.pemCertificates(CA.certificatePem()).client("test");
      assertEquals(42, server.exchange(tls.socketFactory(), "localhost"));
      assertFalse(tls.isInsecure());
    }
  }

  @Test
  void pemCertificates_certificateForAnotherHost_refusedByDefault() throws Exception {
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(CA, "other.example.com"), CA)) {
      TlsClientContext tls = TlsTrust.pemCertificates(CA.certificatePem()).client("test");
      SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> server.exchange(tls.socketFactory(), "localhost"));
      assertTrue(TlsTrust.isCertificateFailure(e));
    }
  }

  @Test
  void pemCertificates_ipAddressOnlyInCommonName_refused() throws Exception {
    HeldCertificate namesOthers = new HeldCertificate.Builder().signedBy(CA).commonName("127.0.0.1")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("10.9.9.9").build();
    try (TlsServer server = TlsServer.presenting(namesOthers, CA);
        TlsServer right = TlsServer.presenting(TlsServer.certificate(CA, "127.0.0.1"), CA)) {
      TlsClientContext tls = TlsTrust.certificates(List.of(CA.certificate())).client("test");
      assertThrows(SSLHandshakeException.class, () -> server.exchange(tls.socketFactory(), "127.0.0.1"));
      assertEquals(42, right.exchange(tls.socketFactory(), "127.0.0.1"));
    }
  }

  @Test
  void certificates_serverFromAnotherCa_refused() throws Exception {
    HeldCertificate otherCa = TlsServer.ca("Other CA");
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(otherCa, "localhost"), otherCa)) {
      TlsClientContext tls = TlsTrust.certificates(List.of(CA.certificate())).client("test");
      assertThrows(SSLHandshakeException.class, () -> server.exchange(tls.socketFactory(), "localhost"));
    }
  }

  @Test
  void systemDefault_testCa_refused() throws Exception {
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(CA, "localhost"), CA)) {
      TlsClientContext tls = TlsTrust.systemDefault().client("test");
      assertThrows(SSLHandshakeException.class, () -> server.exchange(tls.socketFactory(), "localhost"));
    }
  }

  @Test
  void sslContextSocketWithoutEndpointIdentification_refusedNotSilentlyUnchecked() throws Exception {
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(CA, "other.example.com"), CA)) {
      TlsClientContext tls = TlsTrust.pemCertificates(CA.certificatePem()).client("test");
      SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
          () -> server.exchange(tls.sslContext().getSocketFactory(), "localhost"));
      assertTrue(String.valueOf(e.getCause()).contains("host name"), String.valueOf(e.getCause()));
    }
  }

  @Test
  void pemFile_readEachTimeAClientIsBuilt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ca.pem");
    TlsTrust trust = TlsTrust.pemFile(file);
    Files.writeString(file, CA.certificatePem());
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(CA, "localhost"), CA)) {
      assertEquals(42, server.exchange(trust.client("test").socketFactory(), "localhost"));
      Files.writeString(file, TlsServer.ca("Renewed CA").certificatePem());
      assertThrows(SSLHandshakeException.class, () -> server.exchange(trust.client("test").socketFactory(), "localhost"));
    }
    assertEquals(file, trust.findPemFile().orElseThrow());
  }

  @Test
  void pemFile_missing_typedErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing-ca.pem");
    TlsSetupException e = assertThrows(TlsSetupException.class, () -> TlsTrust.pemFile(missing).client("test"));
    assertEquals(missing, e.findFile().orElseThrow());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());

    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate");
    TlsSetupException g = assertThrows(TlsSetupException.class, () -> TlsTrust.pemFile(garbage).client("test"));
    assertTrue(g.getMessage().contains(garbage.toString()), g.getMessage());
  }

  @Test
  void insecure_anyCaAnyHost_handshakesAndWarnsForEveryClient() throws Exception {
    HeldCertificate otherCa = TlsServer.ca("Other CA");
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(otherCa, "other.example.com"), otherCa)) {
      TlsTrust lab = TlsTrust.insecureTrustAllForLabUseOnly();
      assertEquals(42, server.exchange(lab.client("lab bridge one").socketFactory(), "localhost"));
      TlsClientContext second = lab.client("lab bridge two");
      assertTrue(second.isInsecure());
      // Even a caller who asks for the host name check gets none: the opt-out is total.
      try (SSLSocket s = (SSLSocket) second.socketFactory().createSocket("localhost", server.port())) {
        javax.net.ssl.SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
      }
    } finally {
      System.setErr(saved);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    Matcher warnings = Pattern.compile("WARN .*TLS verification is OFF for lab bridge (one|two)").matcher(log);
    int count = 0;
    while (warnings.find()) {
      count++;
    }
    assertEquals(2, count, log);
  }

  @Test
  void checkingRevocation_certificateWithoutRevocationSource_refused() throws Exception {
    TlsTrust trust = TlsTrust.pemCertificates(CA.certificatePem());
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(CA, "localhost"), CA)) {
      assertEquals(42, server.exchange(trust.client("test").socketFactory(), "localhost"));
      TlsTrust checked = trust.checkingRevocation();
      assertTrue(checked.checksRevocation());
      assertThrows(SSLHandshakeException.class, () -> server.exchange(checked.client("test").socketFactory(), "localhost"));
    }
    assertThrows(IllegalStateException.class, () -> TlsTrust.systemDefault().checkingRevocation());
    assertThrows(IllegalStateException.class, () -> TlsTrust.insecureTrustAllForLabUseOnly().checkingRevocation());
  }

  @Test
  void pemCertificates_garbage_rejected() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> TlsTrust.pemCertificates("not a certificate"));
    assertTrue(none.getMessage().contains("BEGIN CERTIFICATE"), none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TlsTrust.pemCertificates(""));
    assertThrows(IllegalArgumentException.class,
        () -> TlsTrust.pemCertificates("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"));
    assertThrows(IllegalArgumentException.class, () -> TlsTrust.certificates(List.of()));
  }

  @Test
  void findPem_readsBackAsTheSameTrust() {
    HeldCertificate other = TlsServer.ca("Other CA");
    TlsTrust trust = TlsTrust.pemCertificates(CA.certificatePem() + other.certificatePem()).checkingRevocation();
    TlsTrust reread = TlsTrust.pemCertificates(trust.findPem().orElseThrow()).checkingRevocation();
    assertEquals(trust, reread);
    assertEquals(trust.hashCode(), reread.hashCode());
    assertEquals(List.of(CA.certificate(), other.certificate()), reread.certificates());
    assertEquals("TlsTrust[2 certificates, revocation checked]", trust.toString());
    assertTrue(TlsTrust.systemDefault().findPem().isEmpty());
    assertTrue(TlsTrust.systemDefault().isSystemDefault());
  }

  @Test
  void isCertificateFailure_plainIoFailure_false() {
    assertFalse(TlsTrust.isCertificateFailure(new IOException("connection refused")));
    assertTrue(TlsTrust.isCertificateFailure(new IOException(new java.security.cert.CertificateException("x"))));
  }

  @Test
  void socketFactory_unconnectedSocket_stillChecksTheHostItConnectsTo() throws Exception {
    try (TlsServer server = TlsServer.presenting(TlsServer.certificate(CA, "other.example.com"), CA)) {
      TlsClientContext tls = TlsTrust.pemCertificates(CA.certificatePem()).client("test");
      try (Socket s = tls.socketFactory().createSocket()) {
        s.connect(new java.net.InetSocketAddress("localhost", server.port()));
        assertThrows(SSLHandshakeException.class, ((SSLSocket) s)::startHandshake);
      }
    }
  }

  @Test
  void restore_fromTheStoredParts_givesBackEveryKind() {
    java.util.List<TlsTrust> kinds = java.util.List.of(TlsTrust.systemDefault(),
        TlsTrust.pemCertificates(CA.certificatePem()),
        TlsTrust.pemCertificates(CA.certificatePem()).checkingRevocation(),
        TlsTrust.pemFile(Path.of("ca.pem")), TlsTrust.pemFile(Path.of("ca.pem")).checkingRevocation(),
        TlsTrust.insecureTrustAllForLabUseOnly());
    for (TlsTrust t : kinds) {
      assertEquals(t, TlsTrust.restore(t.findPem().orElse(null), t.findPemFile().orElse(null),
          t.checksRevocation(), t.isInsecure()), t.toString());
    }
  }
}
