package io.mmsdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Not API. What the operator controls accept: the blueprint's parameter tables for call legs,
 * participants and calls, and the checks that turn a bad value into a {@code parameterError}.
 */
final class ControlParameters {
  /** The blueprint's layout values ({@code chosenLayout}, {@code defaultLayout}, {@code layout}). */
  static final Set<String> LAYOUTS = Set.of("allEqual", "speakerOnly", "telepresence", "stacked",
      "allEqualQuarters", "allEqualNinths", "allEqualSixteenths", "allEqualTwentyFifths",
      "onePlusFive", "onePlusSeven", "onePlusNine", "automatic", "onePlusN");

  /** Call leg parameters that override call leg profile values, and what each accepts. */
  private static final Map<String, Set<String>> LEG_ENUMS = Map.ofEntries(
      Map.entry("chosenLayout", LAYOUTS), Map.entry("defaultLayout", LAYOUTS),
      Map.entry("presentationDisplayMode", Set.of("dualStream", "singleStream")),
      Map.entry("videoMode", Set.of("auto", "disabled")),
      Map.entry("sipMediaEncryption", Set.of("optional", "required", "prohibited")),
      Map.entry("deactivationMode", Set.of("deactivate", "disconnect", "remainActivated")),
      Map.entry("bfcpMode", Set.of("serverOnly", "serverAndClient")),
      Map.entry("qualityMain", Set.of("unrestricted", "max1080p30", "max720p30", "max480p30")),
      Map.entry("qualityPresentation", Set.of("unrestricted", "max1080p30", "max720p5")),
      Map.entry("participantCounter", Set.of("never", "auto", "always")),
      Map.entry("audioGainMode", Set.of("disabled", "agc")));
  private static final Set<String> LEG_BOOLEANS = Set.of("needsActivation", "participantLabels",
      "presentationContributionAllowed", "presentationViewingAllowed", "endCallAllowed",
      "muteOthersAllowed", "videoMuteOthersAllowed", "muteSelfAllowed", "videoMuteSelfAllowed",
      "changeLayoutAllowed", "rxAudioMute", "txAudioMute", "rxVideoMute", "txVideoMute",
      "telepresenceCallsAllowed", "sipPresentationChannelEnabled", "disconnectOthersAllowed",
      "addParticipantAllowed", "controlRemoteCameraAllowed");
  private static final Set<String> LEG_NUMBERS = Set.of("joinToneParticipantThreshold",
      "leaveToneParticipantThreshold", "audioPacketSizeMs", "deactivationModeTime");
  private static final Set<String> LEG_IDS = Set.of("ownerId", "layoutTemplate");
  /** What a POST may set once and a PUT may not change ("You cannot modify ..."). */
  static final Set<String> CREATE_ONLY = Set.of("remoteParty", "bandwidth", "confirmation");
  /** {@code PUT /calls/<id>/participants/*}: the blueprint's ParticipantProperties, nothing else. */
  static final Set<String> BULK = Set.of("rxAudioMute", "txAudioMute", "rxVideoMute",
      "txVideoMute", "layout", "importance", "filterIds", "mode");
  private static final Set<String> CALL_BOOLEANS = Set.of("allowAllMuteSelf",
      "allowAllPresentationContribution", "joinAudioMuteOverride", "activeWhenEmpty");
  static final long MAX_IMPORTANCE = 2_147_483_647L;
  static final int MAX_FILTER_IDS = 20;

  private ControlParameters() {}

  /**
   * Checks the call leg profile overrides in {@code form} and returns them ({@code layout} read as
   * {@code defaultLayout} unless that is given too; an empty value unsets).
   */
  static Map<String, String> legOverrides(Map<String, String> form) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : form.entrySet()) {
      String name = e.getKey();
      String value = e.getValue();
      if (name.equals("layout")) {
        if (!form.containsKey("defaultLayout")) {
          requireIn("layout", value, LAYOUTS);
          out.put("defaultLayout", value);
        }
      } else if (LEG_ENUMS.containsKey(name)) {
        requireIn(name, value, LEG_ENUMS.get(name));
        out.put(name, value);
      } else if (LEG_BOOLEANS.contains(name)) {
        requireIn(name, value, Set.of("true", "false"));
        out.put(name, value);
      } else if (LEG_NUMBERS.contains(name)) {
        if (!value.isEmpty()) {
          long n = number(name, value, name.equals("joinToneParticipantThreshold") ? 100 : MAX_IMPORTANCE);
          value = String.valueOf(n);
        }
        out.put(name, value);
      } else if (LEG_IDS.contains(name)) {
        out.put(name, value);
      }
    }
    return out;
  }

  static void requireIn(String name, String value, Set<String> allowed) {
    if (!value.isEmpty() && !allowed.contains(value)) {
      throw ApiFailure.invalidValue(name);
    }
  }

  static long number(String name, String value, long max) {
    try {
      long n = Long.parseLong(value.trim());
      if (n < 0 || n > max) {
        throw ApiFailure.invalidValue(name);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiFailure.invalidValue(name);
    }
  }

  /** Checks the participant's own parameters: importance, name label, DTMF, deactivated, profile. */
  static void checkParticipant(Map<String, String> form, ObjectStore store) {
    String importance = form.get("importance");
    if (importance != null && !importance.isEmpty()) {
      number("importance", importance, MAX_IMPORTANCE);
    }
    String label = form.get("nameLabelOverride");
    if (label != null && label.getBytes(StandardCharsets.UTF_8).length > 50) {
      throw ApiFailure.invalidValue("nameLabelOverride");
    }
    String dtmf = form.get("dtmfSequence");
    if (dtmf != null && !dtmf.matches("[0-9*#,]*")) {
      throw ApiFailure.invalidValue("dtmfSequence");
    }
    String deactivated = form.get("deactivated");
    if (deactivated != null) {
      requireIn("deactivated", deactivated, Set.of("true", "false"));
      if (deactivated.isEmpty()) {
        throw ApiFailure.invalidValue("deactivated");
      }
    }
    String profile = form.get("callLegProfile");
    if (profile != null && !profile.isEmpty()
        && store.find("callLegProfiles", profile) == null) {
      throw ApiFailure.badRequest("callLegProfileDoesNotExist");
    }
  }

  /** The value of boolean parameter {@code name}, null when absent; anything else is refused. */
  static Boolean flag(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null) {
      return null;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw ApiFailure.invalidValue(name);
    }
    return Boolean.valueOf(value);
  }

  /** Checks the settings of {@code PUT /calls/<id>} other than locked, recording and streaming. */
  static void checkCall(Map<String, String> form) {
    for (String name : CALL_BOOLEANS) {
      if (form.containsKey(name)) {
        requireIn(name, form.get(name), Set.of("true", "false"));
      }
    }
    if (form.containsKey("messagePosition")) {
      requireIn("messagePosition", form.get("messagePosition"), Set.of("top", "middle", "bottom"));
    }
    String duration = form.get("messageDuration");
    if (duration != null && !duration.isEmpty() && !duration.equals("permanent")) {
      number("messageDuration", duration, MAX_IMPORTANCE);
    }
    if (form.containsKey("panePlacementHighestImportance")
        && !form.get("panePlacementHighestImportance").isEmpty()) {
      number("panePlacementHighestImportance", form.get("panePlacementHighestImportance"),
          MAX_IMPORTANCE);
    }
    if (form.containsKey("panePlacementSelfPaneMode")) {
      requireIn("panePlacementSelfPaneMode", form.get("panePlacementSelfPaneMode"),
          Set.of("skip", "self", "blank", "unset"));
    }
  }

  /** Checks what only a dial-out takes: {@code confirmation} and {@code bandwidth}. */
  static void checkDialOut(Map<String, String> form) {
    String confirmation = form.get("confirmation");
    if (confirmation != null) {
      requireIn("confirmation", confirmation, Set.of("true", "false"));
    }
    if (form.containsKey("bandwidth") && !form.get("bandwidth").isEmpty()) {
      number("bandwidth", form.get("bandwidth"), MAX_IMPORTANCE);
    }
  }
}
