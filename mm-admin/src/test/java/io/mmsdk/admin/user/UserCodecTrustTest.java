package io.mmsdk.admin.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.internal.Props;
import java.nio.file.Path;
import java.util.List;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/** The LDAP server's TLS trust in the user store's configuration document. */
class UserCodecTrustTest {
  private static final String PEM = new HeldCertificate.Builder().certificateAuthority(0).build().certificatePem();

  private static LdapSettings ldaps(TlsTrust trust) {
    return LdapSettings.builder().host("ldap.example.com").bind("cn=svc", "pw").baseDn("dc=example,dc=com")
        .ldaps(trust).build();
  }

  private static TlsTrust roundTrip(TlsTrust trust) {
    UserData data = UserData.empty().withLdapSettings(ldaps(trust));
    return UserCodec.decodeConfig(UserCodec.encodeConfig(data)).findLdapSettings().orElseThrow().trust();
  }

  @Test
  void encodeConfig_everyKindOfTrust_readBackEqual() {
    for (TlsTrust trust : List.of(TlsTrust.systemDefault(), TlsTrust.pemCertificates(PEM),
        TlsTrust.pemCertificates(PEM).checkingRevocation(), TlsTrust.pemFile(Path.of("conf", "ldap-ca.pem")),
        TlsTrust.insecureTrustAllForLabUseOnly())) {
      assertEquals(trust, roundTrip(trust));
    }
  }

  @Test
  void decodeConfig_documentFromTrustSettingsDays_loadsWithTheSameTrust() {
    // The keys and values UserCodec wrote from TrustSettings, before TlsTrust replaced it.
    Props legacy = Props.create().put("ldap.host", "ldap.example.com").put("ldap.port", 636).put("ldap.ldaps", true)
        .put("ldap.bindDn", "cn=svc").put("ldap.bindPassword", "pw").put("ldap.baseDn", "dc=example,dc=com")
        .put("ldap.usernameAttribute", "uid").put("ldap.memberAttribute", "member").put("ldap.timeoutMillis", 10_000)
        .put("ldap.trust.pem", PEM).put("ldap.trust.verifyHostname", false).put("ldap.trust.insecure", false);

    LdapSettings read = UserCodec.decodeConfig(legacy.toBytes()).findLdapSettings().orElseThrow();

    // verifyHostname=false is read with the host name check on: the opt-out is gone, the trust is kept.
    assertEquals(ldaps(TlsTrust.pemCertificates(PEM)), read);
    legacy.put("ldap.trust.pem", null).put("ldap.trust.pemFile", "ldap-ca.pem").put("ldap.trust.verifyHostname", true);
    assertEquals(TlsTrust.pemFile(Path.of("ldap-ca.pem")), UserCodec.decodeConfig(legacy.toBytes()).findLdapSettings().orElseThrow().trust());
    legacy.put("ldap.trust.pemFile", null).put("ldap.trust.insecure", true);
    assertEquals(TlsTrust.insecureTrustAllForLabUseOnly(),
        UserCodec.decodeConfig(legacy.toBytes()).findLdapSettings().orElseThrow().trust());
  }
}
