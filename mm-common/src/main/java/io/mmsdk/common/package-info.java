/**
 * The mm-sdk kernel: what every module needs and nothing else. {@link
 * io.mmsdk.common.MmSdkException} is the root of every exception the SDK throws; {@code
 * io.mmsdk.common.time} is the time and scheduling seam; {@code io.mmsdk.common.store} holds the
 * building blocks of file-backed stores; {@code io.mmsdk.common.tls} is the TLS trust and identity
 * of every client and server the SDK builds; {@code io.mmsdk.common.listen} is listener
 * registration. This module depends on slf4j-api alone.
 */
package io.mmsdk.common;
