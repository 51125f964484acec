package io.mmsdk.core.cluster;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.cluster.InvalidClusterException.Problem;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered Call Bridge: a stable id, display name, API address, API credentials and TLS trust.
 * Build with {@link #builder()}; the id is generated once and kept through {@link #toBuilder()}.
 *
 * @param id stable id, never reused
 * @param name display name shown to administrators and video operators
 * @param address API address (port 443 unless given)
 * @param credentials API user; its password is never shown by {@code toString()}
 * @param trust which certificates the bridge's API may present; its host name is always checked
 */
public record CallBridge(
    String id, String name, BridgeAddress address, ApiCredentials credentials, TlsTrust trust) {

  /**
   * Validates every component.
   *
   * @param id stable id, never reused
   * @param name display name shown to administrators and video operators
   * @param address API address (port 443 unless given)
   * @param credentials API user; its password is never shown by {@code toString()}
   * @param trust which certificates the bridge's API may present; its host name is always checked
   */
  public CallBridge {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(address, "address == null");
    Objects.requireNonNull(credentials, "credentials == null");
    Objects.requireNonNull(trust, "trust == null");
    if (id.isBlank()) {
      throw new InvalidClusterException(Problem.BLANK_NAME, "Call Bridge id is blank; leave it unset to generate one.");
    }
    name = name.strip();
    if (name.isEmpty()) {
      throw new InvalidClusterException(
          Problem.BLANK_NAME, "Call Bridge at " + address + " has a blank display name; give it a name operators recognize.");
    }
  }

  /**
   * {@return a {@link CmsClient} builder already set to this bridge's address, API credentials and
   * TLS trust; add a clock, retry policy or shared {@code OkHttpClient} before {@code build()}} The
   * caller owns (and closes) the client it builds; {@code build()} reads a trusted PEM file and
   * throws {@link io.mmsdk.common.tls.TlsSetupException} naming it if it is missing or unreadable.
   */
  public CmsClient.Builder clientBuilder() {
    return CmsClient.builder()
        .host(address.host())
        .port(address.port())
        .credentials(credentials.username(), credentials.password())
        .tlsTrust(trust);
  }

  /** {@return a new builder; the id defaults to a random UUID} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this bridge, keeping its id} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.name = name;
    b.address = address;
    b.credentials = credentials;
    b.trust = trust;
    return b;
  }

  /** Builds a {@link CallBridge}. */
  public static final class Builder {
    private String id;
    private String name;
    private BridgeAddress address;
    private ApiCredentials credentials;
    private TlsTrust trust = TlsTrust.systemDefault();

    private Builder() {}

    /**
     * Sets a stable id (for example one restored from storage). Defaults to a random UUID.
     *
     * @param id a stable id (for example one restored from storage)
     * @return this builder
     */
    public Builder id(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
      return this;
    }

    /**
     * Sets the display name.
     *
     * @param name the display name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the API address.
     *
     * @param address the API address
     * @return this builder
     */
    public Builder address(BridgeAddress address) {
      this.address = Objects.requireNonNull(address, "address == null");
      return this;
    }

    /**
     * Parses and sets the API address ({@code host}, {@code host:port}, {@code [ipv6]:port}).
     *
     * @param address API address (port 443 unless given)
     * @return this builder
     */
    public Builder address(String address) {
      return address(BridgeAddress.parse(Objects.requireNonNull(address, "address == null")));
    }

    /**
     * Sets the API credentials.
     *
     * @param credentials the API credentials
     * @return this builder
     */
    public Builder credentials(ApiCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials == null");
      return this;
    }

    /**
     * Sets the API credentials.
     *
     * @param username the API user name; not empty
     * @param password the API password; kept out of logs, messages and {@code toString()}
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      return credentials(ApiCredentials.of(username, password));
    }

    /**
     * Sets which certificates the bridge's API may present (default {@link
     * TlsTrust#systemDefault()}, the JVM's CAs); the host name is always checked, except with the
     * lab-only {@link TlsTrust#insecureTrustAllForLabUseOnly()}.
     *
     * @param trust the certificates to trust; not null
     * @return this builder
     */
    public Builder trust(TlsTrust trust) {
      this.trust = Objects.requireNonNull(trust, "trust == null");
      return this;
    }

    /**
     * Validates and builds the bridge.
     *
     * @return the bridge
     */
    public CallBridge build() {
      if (address == null) {
        throw new InvalidClusterException(Problem.BAD_HOST, "Call Bridge has no address; call address(\"cb1.example.com\").");
      }
      if (credentials == null) {
        throw new InvalidClusterException(
            Problem.CONFLICTING_SETTINGS, "Call Bridge at " + address + " has no API credentials; call credentials(user, password).");
      }
      return new CallBridge(
          id == null ? UUID.randomUUID().toString() : id, name == null ? "" : name, address, credentials, trust);
    }
  }
}
