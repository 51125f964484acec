/**
 * Not API. TLS for the clients mm-admin (LDAP) and mm-provisioning configure from {@link
 * io.mmsdk.core.cluster.TrustSettings} (trust managers, host-name verification); it sits above
 * {@code cluster}, apart from {@code internal}, which {@code cluster} uses. May change at any time.
 */
package io.mmsdk.core.internal.tls;
