package io.mmsdk.provisioning;

/** How the roles of a space template are told apart when participants join. */
public enum RoleDistinction {
  /** All roles share the space URI and meeting ID; the passcode selects the role. */
  PASSCODE,
  /** Each role has its own URI (from its unique URI generator) and its own meeting ID. */
  UNIQUE_URI
}
