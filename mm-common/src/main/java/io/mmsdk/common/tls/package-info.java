/**
 * TLS for every client and server the SDK builds: {@link io.mmsdk.common.tls.TlsTrust} says which
 * server certificates a client accepts (the CMS REST API and Events, LDAPS, syslog over TLS) and
 * {@link io.mmsdk.common.tls.TlsIdentity} holds the key and certificate chain a server presents
 * (the CDR HTTPS receiver). Host names are verified by default, in the TLS handshake, the JDK's
 * way; the one opt-out, {@link io.mmsdk.common.tls.TlsTrust#insecureTrustAllForLabUseOnly()}, logs
 * a warning every time a client is built with it.
 */
package io.mmsdk.common.tls;
