package io.mmsdk.blastdial;

/** Thrown when a contact's name, address or id is not acceptable; the message says how to fix it. */
public final class InvalidContactException extends BlastDialException {
  private static final long serialVersionUID = 1L;

  InvalidContactException(String message) {
    super(message);
  }
}
