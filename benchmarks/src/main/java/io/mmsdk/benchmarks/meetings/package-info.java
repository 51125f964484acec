/** JMH benchmarks for mm-meetings: the live view under Events roster updates. Not API. */
package io.mmsdk.benchmarks.meetings;
