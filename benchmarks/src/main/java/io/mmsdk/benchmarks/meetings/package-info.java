/**
 * JMH benchmarks for mm-meetings: the live view under Events roster updates, and meeting history
 * queries in memory and on the databases. Not API.
 */
package io.mmsdk.benchmarks.meetings;
