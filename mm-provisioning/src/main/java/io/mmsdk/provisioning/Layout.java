package io.mmsdk.provisioning;

/** Default video layouts (CMS {@code defaultLayout}). */
public enum Layout {
  /** All participants the same size. */
  ALL_EQUAL("allEqual"),
  /** Full screen: only the active speaker. */
  SPEAKER_ONLY("speakerOnly"),
  /** Overlay. */
  TELEPRESENCE("telepresence"),
  /** Stack. */
  STACKED("stacked"),
  /** Up to 4 equal panes. */
  ALL_EQUAL_QUARTERS("allEqualQuarters"),
  /** Up to 9 equal panes. */
  ALL_EQUAL_NINTHS("allEqualNinths"),
  /** Up to 16 equal panes. */
  ALL_EQUAL_SIXTEENTHS("allEqualSixteenths"),
  /** Up to 25 equal panes. */
  ALL_EQUAL_TWENTY_FIFTHS("allEqualTwentyFifths"),
  /** One large pane and five small ones. */
  ONE_PLUS_FIVE("onePlusFive"),
  /** One large pane and seven small ones. */
  ONE_PLUS_SEVEN("onePlusSeven"),
  /** One large pane and nine small ones. */
  ONE_PLUS_NINE("onePlusNine"),
  /** Chosen by the Call Bridge. */
  AUTOMATIC("automatic"),
  /** One large pane and as many small ones as fit. */
  ONE_PLUS_N("onePlusN");

  private final String cmsValue;

  Layout(String cmsValue) {
    this.cmsValue = cmsValue;
  }

  /** {@return the value CMS uses on the wire} */
  public String cmsValue() {
    return cmsValue;
  }
}
