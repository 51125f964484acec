/** Not API. Shared implementation helpers of mm-core (text codecs, key=value documents, TLS); may change at any time. */
package io.mmsdk.core.internal;
