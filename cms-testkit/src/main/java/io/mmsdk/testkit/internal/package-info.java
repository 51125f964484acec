/**
 * Not API. The simulator's engine: object store, REST and Events handlers, calls, CDR pushing,
 * LDAP sync. Uses only {@code io.mmsdk.testkit.core} of the testkit; may change without notice.
 */
package io.mmsdk.testkit.internal;
