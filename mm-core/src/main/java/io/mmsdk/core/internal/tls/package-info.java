/**
 * Not API. TLS for the clients mm-core configures from {@link io.mmsdk.core.cluster.TrustSettings}
 * (trust managers, host-name verification); it sits above {@code cluster}, apart from {@code
 * internal}, which {@code cluster} uses. May change at any time.
 */
package io.mmsdk.core.internal.tls;
