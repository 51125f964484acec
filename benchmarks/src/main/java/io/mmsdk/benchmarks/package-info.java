/** Root package of benchmarks. */
package io.mmsdk.benchmarks;
