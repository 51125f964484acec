/**
 * cms-testkit: an in-process simulated Cisco Meeting Server cluster for tests, demos and integration
 * harnesses. Start one with
 * {@link io.mmsdk.testkit.SimulatedCluster#start(io.mmsdk.testkit.core.ClusterOptions)}; it speaks
 * the CMS REST API ({@code /api/v1}, form-encoded writes, XML replies), pushes CDRs to configured
 * receivers, serves the Events WebSocket, and runs scripted endpoints on a
 * {@link io.mmsdk.testkit.core.SimulatedClock}, which is also the
 * {@code io.mmsdk.common.time.Scheduler} to give the SDK in the same test.
 * {@link io.mmsdk.testkit.SimulatedDirectory} is a loopback LDAP directory for its LDAP sync. The
 * same simulator runs as a process from {@code cms-testkit-<version>-standalone.jar}.
 *
 * <p>This package holds the entry points and sits on the simulator's engine
 * ({@code io.mmsdk.testkit.internal}); the options, clock, fault rules, endpoint scripts and
 * snapshots both of them use are in {@code io.mmsdk.testkit.core}, at the bottom.
 */
package io.mmsdk.testkit;
