package io.mmsdk.provisioning;

/**
 * Turns a secret reference from the desired state (for example {@code env:LDAP_PASSWORD}) into the
 * secret. Implementations must not log the secret.
 */
@FunctionalInterface
public interface SecretResolver {

  /**
   * {@return the secret for {@code reference}; throws {@link ProvisioningException} with a message
   * naming the reference (never the secret) when it cannot be resolved}
   *
   * @param reference the secret's reference as written in the desired state, such as {@code
   *     env:LDAP_BIND_PASSWORD}
   */
  String resolve(String reference);

  /** {@return a resolver for {@code env:NAME} references that reads environment variables} */
  static SecretResolver environment() {
    return reference -> {
      if (!reference.startsWith("env:")) {
        throw new ProvisioningException("Secret reference '" + reference
            + "' is not supported; use env:VARIABLE_NAME or pass your own SecretResolver");
      }
      String value = System.getenv(reference.substring(4));
      if (value == null) {
        throw new ProvisioningException("Environment variable " + reference.substring(4)
            + " (secret reference '" + reference + "') is not set");
      }
      return value;
    };
  }
}
