package io.mmsdk.admin.access;

/**
 * How one scheduled conference appears in a user's conference list (seed 002, "no control":
 * "either the list of scheduled conferences will not be shown to the user, or the list will be
 * shown but conferences over which the user has no control will be presented as names rather than
 * hyperlinks").
 */
public enum ConferenceListEntry {
  /** Shown as a link: the user has limited or full control of the conference. */
  LINK,
  /** Shown as a name only: the user has no control of the conference but may see the list. */
  NAME_ONLY,
  /** Not shown: the user may not see the list of scheduled conferences at all. */
  HIDDEN
}
