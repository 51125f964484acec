/**
 * The wire and value types of the CMS REST API, below both {@link io.mmsdk.cms.CmsClient} and the
 * typed API it returns: requests ({@link io.mmsdk.cms.core.Form},
 * {@link io.mmsdk.cms.core.ListOptions}), replies ({@link io.mmsdk.cms.core.CmsObject},
 * {@link io.mmsdk.cms.core.CmsElement}, {@link io.mmsdk.cms.core.Page},
 * {@link io.mmsdk.cms.core.ResourceList}), field names ({@link io.mmsdk.cms.core.CmsField},
 * {@link io.mmsdk.cms.core.CmsEnumValue}), object families ({@link io.mmsdk.cms.core.ResourceType},
 * {@link io.mmsdk.cms.core.CmsResources}) and the generic operations
 * ({@link io.mmsdk.cms.core.CmsOperations}) that {@code CmsClient} extends and the typed API is
 * built on. Depends on no other package of the client.
 */
package io.mmsdk.cms.core;
