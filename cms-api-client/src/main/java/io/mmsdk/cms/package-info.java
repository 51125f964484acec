/**
 * Typed client for the Cisco Meeting Server REST API ({@code /api/v1}). Start at
 * {@link io.mmsdk.cms.CmsClient#builder()}; the typed API is {@link io.mmsdk.cms.CmsClient#api()}.
 * This package is the top of the client: the entry point, its configuration
 * ({@link io.mmsdk.cms.RetryPolicy}; TLS trust is mm-common's {@link io.mmsdk.common.tls.TlsTrust}), the errors it throws (subclasses
 * of {@link io.mmsdk.common.MmSdkException}), the field catalog {@link io.mmsdk.cms.CmsFields} and
 * the OkHttp implementation (package-private). It builds on the generated typed API
 * ({@code io.mmsdk.cms.api}), the implementation helpers ({@code io.mmsdk.cms.internal}) and, at the
 * bottom, the wire and value types in {@code io.mmsdk.cms.core}: families are described by
 * {@link io.mmsdk.cms.core.ResourceType}, read as {@link io.mmsdk.cms.core.CmsObject} and written
 * with {@link io.mmsdk.cms.core.Form}. None of those packages depends back on this one.
 */
package io.mmsdk.cms;
