package io.mmsdk.core.cluster;

import io.mmsdk.core.cluster.InvalidClusterException.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A Meeting Server cluster: a stable id, a display name, whether this SDK manages meetings on it
 * (when false the cluster is used for licensing and provisioning only: no CDR receiver, no events
 * client, no meeting queries), and its Call Bridges.
 *
 * <p>Validated on construction: the name is not blank, and no two bridges share an address or a
 * display name (names compare case-insensitively).
 *
 * @param id stable id
 * @param name display name
 * @param manageMeetings true to receive CDRs and events and track meetings on this cluster
 * @param callBridges the cluster's Call Bridges, in registration order
 */
public record Cluster(String id, String name, boolean manageMeetings, List<CallBridge> callBridges) {

  /**
   * Validates and copies the components.
   *
   * @param id stable id
   * @param name display name
   * @param manageMeetings true to receive CDRs and events and track meetings on this cluster
   * @param callBridges the cluster's Call Bridges, in registration order
   */
  public Cluster {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    callBridges = List.copyOf(Objects.requireNonNull(callBridges, "callBridges == null"));
    if (id.isBlank()) {
      throw new InvalidClusterException(Problem.BLANK_NAME, "Cluster id is blank; leave it unset to generate one.");
    }
    name = name.strip();
    if (name.isEmpty()) {
      throw new InvalidClusterException(Problem.BLANK_NAME, "Cluster display name is blank; give the cluster a name all users understand.");
    }
    Set<BridgeAddress> addresses = new HashSet<>();
    Set<String> names = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (CallBridge b : callBridges) {
      if (!addresses.add(b.address())) {
        throw new InvalidClusterException(
            Problem.DUPLICATE_ADDRESS, "Cluster '" + name + "' lists Call Bridge address " + b.address() + " twice; each bridge needs its own address.");
      }
      if (!names.add(b.name().toLowerCase(Locale.ROOT))) {
        throw new InvalidClusterException(
            Problem.DUPLICATE_NAME, "Cluster '" + name + "' has two Call Bridges named '" + b.name() + "'; give each a distinct display name.");
      }
      if (!ids.add(b.id())) {
        throw new InvalidClusterException(
            Problem.DUPLICATE_NAME, "Cluster '" + name + "' has two Call Bridges with id '" + b.id() + "'.");
      }
    }
  }

  /** {@return a new builder; the id defaults to a random UUID and meetings are managed} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this cluster, keeping its id} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.name = name;
    b.manageMeetings = manageMeetings;
    b.callBridges.addAll(callBridges);
    return b;
  }

  /**
   * {@return the bridge with {@code bridgeId}, if it belongs to this cluster}
   *
   * @param bridgeId the bridge's id in the registry
   */
  public Optional<CallBridge> findCallBridge(String bridgeId) {
    Objects.requireNonNull(bridgeId, "bridgeId == null");
    return callBridges.stream().filter(b -> b.id().equals(bridgeId)).findFirst();
  }

  /** Builds a {@link Cluster}. */
  public static final class Builder {
    private String id;
    private String name;
    private boolean manageMeetings = true;
    private final List<CallBridge> callBridges = new ArrayList<>();

    private Builder() {}

    /**
     * Sets a stable id. Defaults to a random UUID.
     *
     * @param id a stable id
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
     * Sets whether meetings are managed on this cluster (default true).
     *
     * @param manageMeetings whether meetings are managed on this cluster (default true)
     * @return this builder
     */
    public Builder manageMeetings(boolean manageMeetings) {
      this.manageMeetings = manageMeetings;
      return this;
    }

    /**
     * Adds a Call Bridge.
     *
     * @param bridge the Call Bridge to add; not null
     * @return this builder
     */
    public Builder addCallBridge(CallBridge bridge) {
      callBridges.add(Objects.requireNonNull(bridge, "bridge == null"));
      return this;
    }

    /**
     * Replaces all Call Bridges.
     *
     * @param bridges the cluster's Call Bridges, in order; copied
     * @return this builder
     */
    public Builder callBridges(List<CallBridge> bridges) {
      Objects.requireNonNull(bridges, "bridges == null");
      callBridges.clear();
      bridges.forEach(this::addCallBridge);
      return this;
    }

    /**
     * Removes the Call Bridge with {@code bridgeId}, if present.
     *
     * @param bridgeId the bridge's id in the registry
     * @return this builder
     */
    public Builder removeCallBridge(String bridgeId) {
      Objects.requireNonNull(bridgeId, "bridgeId == null");
      callBridges.removeIf(b -> b.id().equals(bridgeId));
      return this;
    }

    /**
     * Validates and builds the cluster.
     *
     * @return the cluster
     */
    public Cluster build() {
      return new Cluster(id == null ? UUID.randomUUID().toString() : id, name == null ? "" : name, manageMeetings, callBridges);
    }
  }
}
