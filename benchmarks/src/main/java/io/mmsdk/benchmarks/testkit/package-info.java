/** JMH benchmarks for cms-testkit: request round trips against a simulated Call Bridge. */
package io.mmsdk.benchmarks.testkit;
