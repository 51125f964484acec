/**
 * JUnit 5 support for cms-testkit: {@link io.mmsdk.testkit.junit5.SimulatedClusterExtension}
 * injects a started simulated cluster, {@code CmsClient}s for its bridges, a simulated LDAP
 * directory and the one virtual clock shared by the simulator and the SDK.
 */
package io.mmsdk.testkit.junit5;
