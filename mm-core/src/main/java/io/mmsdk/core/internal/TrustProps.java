package io.mmsdk.core.internal;

import io.mmsdk.common.tls.TlsTrust;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link TlsTrust} into a key=value document under a prefix, and reads it back, for the
 * cluster store and the user store. The keys are those the stores have always used: {@code
 * .pem}, {@code .pemFile}, {@code .checkRevocation}, {@code .insecure}, and, read only, {@code
 * .verifyHostname}.
 */
public final class TrustProps {
  private static final Logger LOG = LoggerFactory.getLogger(TrustProps.class);

  private TrustProps() {}

  /** Puts {@code trust} under {@code prefix} (such as {@code "ldap.trust"}). */
  public static void put(Props p, String prefix, TlsTrust trust) {
    p.put(prefix + ".pem", trust.findPem().orElse(null))
        .put(prefix + ".pemFile", trust.findPemFile().map(Path::toString).orElse(null))
        .put(prefix + ".checkRevocation", trust.checksRevocation())
        .put(prefix + ".insecure", trust.isInsecure());
  }

  /**
   * Reads the trust under {@code prefix}. A document from before host names were always checked
   * may say {@code verifyHostname=false}: it is read with the check on, and a warning names {@code
   * owner}, since the trust it names is kept and only the opt-out is gone.
   *
   * @throws IllegalArgumentException if the stored PEM text is unreadable
   */
  public static TlsTrust get(Props p, String prefix, String owner) {
    if (p.getBoolean(prefix + ".insecure", false)) {
      return TlsTrust.insecureTrustAllForLabUseOnly();
    }
    if (!p.getBoolean(prefix + ".verifyHostname", true)) {
      LOG.warn("{} was saved with host name verification off, which the SDK no longer offers: the host name is "
          + "now checked against the certificate. Connect with a name or IP address in the certificate's SAN, "
          + "or (in a lab only) use TlsTrust.insecureTrustAllForLabUseOnly().", owner);
    }
    String pemFile = p.get(prefix + ".pemFile");
    return TlsTrust.restore(p.get(prefix + ".pem"), pemFile == null ? null : Path.of(pemFile),
        p.getBoolean(prefix + ".checkRevocation", false), false);
  }
}
