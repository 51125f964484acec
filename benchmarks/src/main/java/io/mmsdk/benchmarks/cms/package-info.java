/** JMH benchmarks for cms-api-client: XML page reading and paged listing over loopback. */
package io.mmsdk.benchmarks.cms;
