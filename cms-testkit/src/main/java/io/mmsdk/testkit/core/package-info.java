/**
 * What a test hands the simulated cluster and gets back, below both the entry points in
 * {@code io.mmsdk.testkit} and the simulator's engine: the cluster's
 * {@link io.mmsdk.testkit.core.ClusterOptions}, its virtual time
 * {@link io.mmsdk.testkit.core.SimulatedClock}, fault rules ({@link io.mmsdk.testkit.core.Faults}),
 * endpoint behaviour ({@link io.mmsdk.testkit.core.EndpointScript}) and call leg snapshots
 * ({@link io.mmsdk.testkit.core.CallLegInfo}). Depends on no other package of the testkit.
 */
package io.mmsdk.testkit.core;
