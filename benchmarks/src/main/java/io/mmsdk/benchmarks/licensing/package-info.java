/** JMH benchmarks for mm-licensing: usage binning, daily peaks and compliance. */
package io.mmsdk.benchmarks.licensing;
