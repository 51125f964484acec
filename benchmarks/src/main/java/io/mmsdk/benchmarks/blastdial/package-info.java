/** JMH benchmarks for mm-blastdial: fan-out from first join to all dial-outs issued. */
package io.mmsdk.benchmarks.blastdial;
