/** JMH benchmarks for mm-cdr: parser, receiver end to end, meeting tracker. Not API. */
package io.mmsdk.benchmarks.cdr;
