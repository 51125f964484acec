/**
 * The time seam: {@link io.mmsdk.common.time.Scheduler}, a time source ({@code clock()}) and delayed
 * work in one, with the system default ({@code Scheduler.system()}) and a variant on an executor
 * the caller supplies ({@code Scheduler.using}). Tests use cms-testkit's {@code SimulatedClock},
 * which is also the simulated cluster's clock.
 */
package io.mmsdk.common.time;
