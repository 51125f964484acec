/** JMH benchmarks for mm-core: access decisions, notifications, password hashing. */
package io.mmsdk.benchmarks.core;
