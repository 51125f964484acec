/** JMH benchmarks for mm-provisioning: LDAP preview and planning. */
package io.mmsdk.benchmarks.provisioning;
