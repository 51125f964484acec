/** JMH benchmarks for mm-cdr (parser, receiver end to end) and the meeting tracker fed by it. Not API. */
package io.mmsdk.benchmarks.cdr;
