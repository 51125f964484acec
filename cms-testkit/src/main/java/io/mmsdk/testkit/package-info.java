/**
 * cms-testkit: an in-process simulated Cisco Meeting Server cluster for tests, demos and integration
 * harnesses. Start one with {@link io.mmsdk.testkit.SimulatedCluster#start(ClusterOptions)}; it speaks the
 * CMS REST API ({@code /api/v1}, form-encoded writes, XML replies), pushes CDRs to configured receivers,
 * serves the Events WebSocket, and runs scripted endpoints on a {@link io.mmsdk.testkit.SimulatedClock}.
 */
package io.mmsdk.testkit;
