/**
 * Not API. Shared implementation helpers of mm-core and mm-admin below every other package
 * (key=value documents, field joining); may change at any time.
 */
package io.mmsdk.core.internal;
