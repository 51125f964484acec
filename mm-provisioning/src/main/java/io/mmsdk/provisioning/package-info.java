/**
 * Provisioning of a Cisco Meeting Server cluster from a desired state: LDAP servers, user imports,
 * space templates and the rules that create spaces; validation, translation to CMS objects, a
 * reviewable plan, an idempotent commit, LDAP sync (now or on a schedule) and a preview of what a
 * sync would create.
 *
 * <p>Start with {@link io.mmsdk.provisioning.DesiredState}, {@link
 * io.mmsdk.provisioning.Provisioner} and {@link io.mmsdk.provisioning.LdapPreview}.
 */
package io.mmsdk.provisioning;
