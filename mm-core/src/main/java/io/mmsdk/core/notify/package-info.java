/**
 * Notifications shown to administrators: errors, warnings and information, raised and cleared by
 * key, time-stamped from the {@link io.mmsdk.common.time.Scheduler} clock, counted and observable.
 */
package io.mmsdk.core.notify;
