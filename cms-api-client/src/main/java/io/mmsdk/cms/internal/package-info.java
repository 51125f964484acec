/**
 * Implementation helpers of cms-api-client: the hardened XML reader, the reply size limit, path
 * segment encoding and the Events client's view of the REST client. Depends only on
 * {@code io.mmsdk.cms.core}. Not API: may change in any release.
 */
package io.mmsdk.cms.internal;
