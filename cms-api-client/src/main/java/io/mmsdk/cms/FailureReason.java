package io.mmsdk.cms;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The failure reasons a Meeting Server returns in a {@code <failureDetails>} body, as listed in the
 * API blueprint's "Failure Reasons" table. The wire name is kept exactly ({@link #wireName()}).
 *
 * <p>A reason this SDK does not know is reported as {@link #UNKNOWN}; the raw string stays
 * available
 * from {@link CmsServiceException#rawFailureReason()}. Both spellings {@code unrecognizedObject}
 * (blueprint) and {@code unrecognisedObject} (seen from servers) map to {@link
 * #UNRECOGNIZED_OBJECT}.
 */
public enum FailureReason {
  /** CMS reports {@code accessMethodDoesNotExist}. */
  ACCESS_METHOD_DOES_NOT_EXIST("accessMethodDoesNotExist"),
  /** CMS reports {@code callBrandingProfileDoesNotExist}. */
  CALL_BRANDING_PROFILE_DOES_NOT_EXIST("callBrandingProfileDoesNotExist"),
  /** CMS reports {@code callBridgeDoesNotExist}. */
  CALL_BRIDGE_DOES_NOT_EXIST("callBridgeDoesNotExist"),
  /** CMS reports {@code callBridgeGroupDoesNotExist}. */
  CALL_BRIDGE_GROUP_DOES_NOT_EXIST("callBridgeGroupDoesNotExist"),
  /** CMS reports {@code callBridgeGroupUnavailable}. */
  CALL_BRIDGE_GROUP_UNAVAILABLE("callBridgeGroupUnavailable"),
  /** CMS reports {@code callBridgeUnavailable}. */
  CALL_BRIDGE_UNAVAILABLE("callBridgeUnavailable"),
  /** CMS reports {@code callDoesNotExist}. */
  CALL_DOES_NOT_EXIST("callDoesNotExist"),
  /** CMS reports {@code callLegCannotBeDeleted}. */
  CALL_LEG_CANNOT_BE_DELETED("callLegCannotBeDeleted"),
  /** CMS reports {@code callLegDoesNotExist}. */
  CALL_LEG_DOES_NOT_EXIST("callLegDoesNotExist"),
  /** CMS reports {@code callLegProfileDoesNotExist}. */
  CALL_LEG_PROFILE_DOES_NOT_EXIST("callLegProfileDoesNotExist"),
  /** CMS reports {@code callProfileDoesNotExist}. */
  CALL_PROFILE_DOES_NOT_EXIST("callProfileDoesNotExist"),
  /** CMS reports {@code callRecordingCannotBeModified}. */
  CALL_RECORDING_CANNOT_BE_MODIFIED("callRecordingCannotBeModified"),
  /** CMS reports {@code callStreamingCannotBeModified}. */
  CALL_STREAMING_CANNOT_BE_MODIFIED("callStreamingCannotBeModified"),
  /** CMS reports {@code cdrReceiverDoesNotExist}. */
  CDR_RECEIVER_DOES_NOT_EXIST("cdrReceiverDoesNotExist"),
  /** CMS reports {@code coSpaceAccessMethodTemplateDoesNotExist}. */
  CO_SPACE_ACCESS_METHOD_TEMPLATE_DOES_NOT_EXIST("coSpaceAccessMethodTemplateDoesNotExist"),
  /** CMS reports {@code coSpaceDoesNotExist}. */
  CO_SPACE_DOES_NOT_EXIST("coSpaceDoesNotExist"),
  /** CMS reports {@code coSpaceTemplateDoesNotExist}. */
  CO_SPACE_TEMPLATE_DOES_NOT_EXIST("coSpaceTemplateDoesNotExist"),
  /** CMS reports {@code coSpaceUserDoesNotExist}. */
  CO_SPACE_USER_DOES_NOT_EXIST("coSpaceUserDoesNotExist"),
  /** CMS reports {@code compatibilityProfileDoesNotExist}. */
  COMPATIBILITY_PROFILE_DOES_NOT_EXIST("compatibilityProfileDoesNotExist"),
  /** CMS reports {@code databaseNotReady}. */
  DATABASE_NOT_READY("databaseNotReady"),
  /** CMS reports {@code dialInSecurityProfileDoesNotExist}. */
  DIAL_IN_SECURITY_PROFILE_DOES_NOT_EXIST("dialInSecurityProfileDoesNotExist"),
  /** CMS reports {@code directorySearchLocationDoesNotExist}. */
  DIRECTORY_SEARCH_LOCATION_DOES_NOT_EXIST("directorySearchLocationDoesNotExist"),
  /** CMS reports {@code dtmfProfileDoesNotExist}. */
  DTMF_PROFILE_DOES_NOT_EXIST("dtmfProfileDoesNotExist"),
  /** CMS reports {@code duplicateCallBridgeName}. */
  DUPLICATE_CALL_BRIDGE_NAME("duplicateCallBridgeName"),
  /** CMS reports {@code duplicateCoSpaceId}. */
  DUPLICATE_CO_SPACE_ID("duplicateCoSpaceId"),
  /** CMS reports {@code duplicateCoSpaceIdPasscode}. */
  DUPLICATE_CO_SPACE_ID_PASSCODE("duplicateCoSpaceIdPasscode"),
  /** CMS reports {@code duplicateCoSpaceUri}. */
  DUPLICATE_CO_SPACE_URI("duplicateCoSpaceUri"),
  /** CMS reports {@code duplicateCoSpaceUriPasscode}. */
  DUPLICATE_CO_SPACE_URI_PASSCODE("duplicateCoSpaceUriPasscode"),
  /** CMS reports {@code duplicateSipEndpointUri}. */
  DUPLICATE_SIP_ENDPOINT_URI("duplicateSipEndpointUri"),
  /** CMS reports {@code duplicateUserCoSpaceTemplate}. */
  DUPLICATE_USER_CO_SPACE_TEMPLATE("duplicateUserCoSpaceTemplate"),
  /** CMS reports {@code forwardingDialPlanRuleDoesNotExist}. */
  FORWARDING_DIAL_PLAN_RULE_DOES_NOT_EXIST("forwardingDialPlanRuleDoesNotExist"),
  /** CMS reports {@code inboundDialPlanRuleDoesNotExist}. */
  INBOUND_DIAL_PLAN_RULE_DOES_NOT_EXIST("inboundDialPlanRuleDoesNotExist"),
  /** CMS reports {@code inboundDialPlanRuleUriConflict}. */
  INBOUND_DIAL_PLAN_RULE_URI_CONFLICT("inboundDialPlanRuleUriConflict"),
  /** CMS reports {@code invalidOperation}. */
  INVALID_OPERATION("invalidOperation"),
  /** CMS reports {@code invalidVersion}. */
  INVALID_VERSION("invalidVersion"),
  /** CMS reports {@code ivrBrandingProfileDoesNotExist}. */
  IVR_BRANDING_PROFILE_DOES_NOT_EXIST("ivrBrandingProfileDoesNotExist"),
  /** CMS reports {@code ivrDoesNotExist}. */
  IVR_DOES_NOT_EXIST("ivrDoesNotExist"),
  /** CMS reports {@code ivrUriConflict}. */
  IVR_URI_CONFLICT("ivrUriConflict"),
  /** CMS reports {@code layoutTemplateDescriptionTooLong}. */
  LAYOUT_TEMPLATE_DESCRIPTION_TOO_LONG("layoutTemplateDescriptionTooLong"),
  /** CMS reports {@code layoutTemplateDoesNotExist}. */
  LAYOUT_TEMPLATE_DOES_NOT_EXIST("layoutTemplateDoesNotExist"),
  /** CMS reports {@code ldapMappingDoesNotExist}. */
  LDAP_MAPPING_DOES_NOT_EXIST("ldapMappingDoesNotExist"),
  /** CMS reports {@code ldapServerDoesNotExist}. */
  LDAP_SERVER_DOES_NOT_EXIST("ldapServerDoesNotExist"),
  /** CMS reports {@code ldapSourceDoesNotExist}. */
  LDAP_SOURCE_DOES_NOT_EXIST("ldapSourceDoesNotExist"),
  /** CMS reports {@code ldapSyncCannotBeCancelled}. */
  LDAP_SYNC_CANNOT_BE_CANCELLED("ldapSyncCannotBeCancelled"),
  /** CMS reports {@code ldapSyncDoesNotExist}. */
  LDAP_SYNC_DOES_NOT_EXIST("ldapSyncDoesNotExist"),
  /** CMS reports {@code ldapUserCoSpaceTemplateSourceDoesNotExist}. */
  LDAP_USER_CO_SPACE_TEMPLATE_SOURCE_DOES_NOT_EXIST("ldapUserCoSpaceTemplateSourceDoesNotExist"),
  /** CMS reports {@code loadBalancingDisabled}. */
  LOAD_BALANCING_DISABLED("loadBalancingDisabled"),
  /** CMS reports {@code messageDoesNotExist}. */
  MESSAGE_DOES_NOT_EXIST("messageDoesNotExist"),
  /** CMS reports {@code outboundDialPlanRuleDoesNotExist}. */
  OUTBOUND_DIAL_PLAN_RULE_DOES_NOT_EXIST("outboundDialPlanRuleDoesNotExist"),
  /** CMS reports {@code parameterError}. */
  PARAMETER_ERROR("parameterError"),
  /** CMS reports {@code participantCannotBeDeleted}. */
  PARTICIPANT_CANNOT_BE_DELETED("participantCannotBeDeleted"),
  /** CMS reports {@code participantCannotBeModified}. */
  PARTICIPANT_CANNOT_BE_MODIFIED("participantCannotBeModified"),
  /** CMS reports {@code participantLimitReached}. */
  PARTICIPANT_LIMIT_REACHED("participantLimitReached"),
  /** CMS reports {@code passcodeTooShort}. */
  PASSCODE_TOO_SHORT("passcodeTooShort"),
  /** CMS reports {@code recorderDoesNotExist}. */
  RECORDER_DOES_NOT_EXIST("recorderDoesNotExist"),
  /** CMS reports {@code recordingLimitReached}. */
  RECORDING_LIMIT_REACHED("recordingLimitReached"),
  /** CMS reports {@code recordingNotAllowedByLicensing}. */
  RECORDING_NOT_ALLOWED_BY_LICENSING("recordingNotAllowedByLicensing"),
  /** CMS reports {@code sipEndpointDoesNotExist}. */
  SIP_ENDPOINT_DOES_NOT_EXIST("sipEndpointDoesNotExist"),
  /** CMS reports {@code streamerDoesNotExist}. */
  STREAMER_DOES_NOT_EXIST("streamerDoesNotExist"),
  /** CMS reports {@code streamingLimitReached}. */
  STREAMING_LIMIT_REACHED("streamingLimitReached"),
  /** CMS reports {@code streamingNotAllowedByLicensing}. */
  STREAMING_NOT_ALLOWED_BY_LICENSING("streamingNotAllowedByLicensing"),
  /** CMS reports {@code tenantDoesNotExist}. */
  TENANT_DOES_NOT_EXIST("tenantDoesNotExist"),
  /** CMS reports {@code tenantGroupCoSpaceIdConflict}. */
  TENANT_GROUP_CO_SPACE_ID_CONFLICT("tenantGroupCoSpaceIdConflict"),
  /** CMS reports {@code tenantGroupDoesNotExist}. */
  TENANT_GROUP_DOES_NOT_EXIST("tenantGroupDoesNotExist"),
  /** CMS reports {@code tenantParticipantLimitReached}. */
  TENANT_PARTICIPANT_LIMIT_REACHED("tenantParticipantLimitReached"),
  /** CMS reports {@code tooManyCdrReceivers}. */
  TOO_MANY_CDR_RECEIVERS("tooManyCdrReceivers"),
  /** CMS reports {@code tooManyLdapSyncs}. */
  TOO_MANY_LDAP_SYNCS("tooManyLdapSyncs"),
  /** CMS reports {@code unrecognizedObject}. */
  UNRECOGNIZED_OBJECT("unrecognizedObject"),
  /** CMS reports {@code userCoSpaceTemplateDeletionProhibited}. */
  USER_CO_SPACE_TEMPLATE_DELETION_PROHIBITED("userCoSpaceTemplateDeletionProhibited"),
  /** CMS reports {@code userCoSpaceTemplateDoesNotExist}. */
  USER_CO_SPACE_TEMPLATE_DOES_NOT_EXIST("userCoSpaceTemplateDoesNotExist"),
  /** CMS reports {@code userDoesNotExist}. */
  USER_DOES_NOT_EXIST("userDoesNotExist"),
  /** CMS reports {@code userProfileDoesNotExist}. */
  USER_PROFILE_DOES_NOT_EXIST("userProfileDoesNotExist"),
  /** A reason this SDK does not know; see {@link CmsServiceException#rawFailureReason()}. */
  UNKNOWN("");

  private static final Map<String, FailureReason> BY_WIRE = new HashMap<>();

  static {
    for (FailureReason reason : values()) {
      if (reason != UNKNOWN) {
        BY_WIRE.put(reason.wireName.toLowerCase(Locale.ROOT), reason);
      }
    }
    BY_WIRE.put("unrecognisedobject", UNRECOGNIZED_OBJECT);
  }

  private final String wireName;

  FailureReason(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the element name the server uses, for example {@code coSpaceDoesNotExist}} */
  public String wireName() {
    return wireName;
  }

  /** {@return whether this reason says that a referenced object does not exist} */
  public boolean isNotFound() {
    return wireName.endsWith("DoesNotExist") || this == UNRECOGNIZED_OBJECT;
  }

  /** {@return whether this reason reports a duplicate (conflicting) value} */
  public boolean isDuplicate() {
    return wireName.startsWith("duplicate") || wireName.endsWith("Conflict");
  }

  /**
   * {@return the reason for a wire name (case-insensitive), or {@link #UNKNOWN}}
   *
   * @param wireName the element name inside {@code <failureDetails>}
   */
  public static FailureReason fromWireName(String wireName) {
    if (wireName == null) {
      return UNKNOWN;
    }
    return BY_WIRE.getOrDefault(wireName.toLowerCase(Locale.ROOT), UNKNOWN);
  }
}
