package io.mmsdk.provisioning;

/** Who can see a role's access details in the web app (CMS access method {@code scope}). */
public enum Visibility {
  /** Everyone who can see the space. */
  PUBLIC("public"),
  /** Only the space owner. */
  PRIVATE("private"),
  /** Members of the space (CMS 3.1 and later). */
  MEMBER("member");

  private final String cmsValue;

  Visibility(String cmsValue) {
    this.cmsValue = cmsValue;
  }

  /** {@return the value CMS uses on the wire} */
  public String cmsValue() {
    return cmsValue;
  }
}
