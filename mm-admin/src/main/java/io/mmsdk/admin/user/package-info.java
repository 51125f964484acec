/**
 * Users of an SDK-based application: local users (PBKDF2-hashed passwords), LDAP users through
 * group mappings, password policies and a passphrase generator, sign-in with per-user rate limiting,
 * sessions with idle and absolute timeouts, and pre/post sign-in messages. Entry point: {@link
 * io.mmsdk.admin.user.UserService}.
 */
package io.mmsdk.admin.user;
