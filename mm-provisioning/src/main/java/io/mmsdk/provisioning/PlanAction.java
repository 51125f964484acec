package io.mmsdk.provisioning;

/** What a {@link PlanStep} does. */
public enum PlanAction {
  /** POST a new object. */
  CREATE("+"),
  /** Take over an object a failed commit created (its response was lost) and bring it up to date. */
  ADOPT("&"),
  /** PUT changed fields of an object mm-sdk owns. */
  UPDATE("~"),
  /** DELETE an object mm-sdk owns that is no longer desired. */
  DELETE("-");

  private final String symbol;

  PlanAction(String symbol) {
    this.symbol = symbol;
  }

  /** {@return the one-character symbol used in the text rendering} */
  public String symbol() {
    return symbol;
  }
}
