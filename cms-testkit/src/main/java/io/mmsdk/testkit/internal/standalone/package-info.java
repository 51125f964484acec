/**
 * Not API. The standalone simulator: the jar's main class and its HTTP control API, on top of the
 * public {@code io.mmsdk.testkit} entry points; may change without notice.
 */
package io.mmsdk.testkit.internal.standalone;
