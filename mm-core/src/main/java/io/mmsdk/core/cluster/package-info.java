/**
 * The registry of Meeting Server clusters and their Call Bridges: addresses, API credentials, TLS
 * trust and the "manage meetings on this cluster" flag, validated on construction and persisted
 * through a {@link io.mmsdk.core.cluster.ClusterStore}.
 */
package io.mmsdk.core.cluster;
