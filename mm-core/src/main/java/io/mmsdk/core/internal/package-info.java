/** Not API. Shared implementation helpers of mm-core (atomic files, text codecs); may change at any time. */
package io.mmsdk.core.internal;
