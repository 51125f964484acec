/**
 * Typed client for the Cisco Meeting Server REST API ({@code /api/v1}). Start at
 * {@link io.mmsdk.cms.CmsClient#builder()}; object families are described by
 * {@link io.mmsdk.cms.core.ResourceType}, read with {@link io.mmsdk.cms.CmsFields} and written with
 * {@link io.mmsdk.cms.core.Form}. Errors are subclasses of {@link io.mmsdk.common.MmSdkException}.
 */
package io.mmsdk.cms;
