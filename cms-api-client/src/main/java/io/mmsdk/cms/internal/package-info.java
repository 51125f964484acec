/** Implementation of cms-api-client. Not API: may change in any release. */
package io.mmsdk.cms.internal;
