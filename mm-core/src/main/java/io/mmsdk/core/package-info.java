/**
 * Root package of mm-core, the shared domain of mm-sdk. Sub-packages: {@code cluster} (Call Bridge
 * registry), {@code notify} (notifications), {@code audit} (audit trail), {@code syslog} (RFC 5424
 * forwarding), {@code user} (users, sign-in, sessions, policies, LDAP), {@code access} (permission
 * decisions), {@code backup} (encrypted backup and restore) and {@code time} (scheduler seam).
 */
package io.mmsdk.core;
