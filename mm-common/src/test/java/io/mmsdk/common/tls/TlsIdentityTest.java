package io.mmsdk.common.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsIdentityTest {
  private static final HeldCertificate CA = TlsServer.ca("Test CA");
  private static final HeldCertificate SERVER = TlsServer.certificate(CA, "localhost");

  @Test
  void pem_serverContext_presentsTheChainToVerifyingClients() throws Exception {
    TlsIdentity identity = TlsIdentity.pem(SERVER.privateKeyPkcs8Pem(), SERVER.certificatePem() + CA.certificatePem());
    assertEquals(List.of(SERVER.certificate(), CA.certificate()), identity.certificateChain());
    try (TlsServer server = TlsServer.with(identity.serverContext())) {
      assertEquals(42, server.exchange(TlsTrust.pemCertificates(CA.certificatePem()).client("test").socketFactory(), "localhost"));
    }
  }

  @Test
  void pkcs12_keyEntry_read(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("server.p12");
    char[] password = "store-secret".toCharArray();
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("cdr", SERVER.keyPair().getPrivate(), password, new Certificate[] {SERVER.certificate(), CA.certificate()});
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password);
    }
    TlsIdentity identity = TlsIdentity.pkcs12(file, password);
    try (TlsServer server = TlsServer.with(identity.serverContext())) {
      assertEquals(42, server.exchange(TlsTrust.certificates(List.of(CA.certificate())).client("test").socketFactory(), "localhost"));
    }
    TlsSetupException wrongPassword = assertThrows(TlsSetupException.class, () -> TlsIdentity.pkcs12(file, "nope".toCharArray()));
    assertEquals(file, wrongPassword.findFile().orElseThrow());
    Path missing = dir.resolve("missing.p12");
    TlsSetupException e = assertThrows(TlsSetupException.class, () -> TlsIdentity.pkcs12(missing, password));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void pem_notAPkcs8Key_rejectedWithAdvice() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TlsIdentity.pem(SERVER.certificatePem(), SERVER.certificatePem()));
    assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TlsIdentity.of(SERVER.keyPair().getPrivate(), List.of()));
  }

  @Test
  void toString_namesTheCertificateNotTheKey() {
    TlsIdentity identity = TlsIdentity.of(SERVER.keyPair().getPrivate(), List.of(SERVER.certificate()));
    assertTrue(identity.toString().contains("CN=server"), identity.toString());
    String key = SERVER.privateKeyPkcs8Pem().lines().skip(1).findFirst().orElseThrow();
    assertFalse(identity.toString().contains(key));
  }
}
