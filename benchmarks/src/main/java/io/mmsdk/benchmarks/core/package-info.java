/** JMH benchmarks for mm-core (notifications) and mm-admin (access decisions, password hashing). */
package io.mmsdk.benchmarks.core;
