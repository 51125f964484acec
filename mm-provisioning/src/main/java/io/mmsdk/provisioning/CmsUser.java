package io.mmsdk.provisioning;

/**
 * A user CMS holds.
 *
 * @param id CMS id
 * @param jid the login name (user JID)
 * @param name display name, or null when unknown
 * @param userProfile id of the user's userProfile, or null
 */
public record CmsUser(String id, String jid, String name, String userProfile) {}
