package io.mmsdk.jdbc;

import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.Allocations;
import io.mmsdk.licensing.Feature;
import io.mmsdk.licensing.LicenseState;
import io.mmsdk.licensing.LicenseStateStore;
import io.mmsdk.licensing.LicenseStoreException;
import io.mmsdk.licensing.LicensingMode;
import io.mmsdk.licensing.TrialRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link LicenseStateStore} on a {@link JdbcDatabase}, per scope: the mode and customization
 * flags in the holder row {@code mm_license_state}, and one row per allocation, per trial (keyed by
 * its type: a deployment gets one of each), per cluster of a trial, per cluster of an earlier trial
 * and per enforcement time. See {@link WholeStateStore} for how loads and saves stay whole.
 */
final class JdbcLicenseStateStore extends WholeStateStore implements LicenseStateStore {
  static final String STORE = "licensestate";
  static final int VERSION = 1;
  private static final String[] PARTS = {"mm_license_allocation", "mm_license_trial",
      "mm_license_trial_cluster", "mm_license_earlier_trial_cluster", "mm_license_enforcement"};

  JdbcLicenseStateStore(JdbcDatabase db, String scope) {
    super(db, scope, STORE, VERSION, "mm_license_state", "the license state");
  }

  @Override
  RuntimeException failure(String message, Throwable cause) {
    return new LicenseStoreException(message, cause);
  }

  @Override
  public LicenseState load() {
    return readState((c, saved) -> {
      if (!saved) {
        return LicenseState.INITIAL;
      }
      try {
        return read(c);
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw damaged(e.getMessage(), e);
      }
    });
  }

  private LicenseState read(Connection c) throws SQLException {
    LicensingMode mode;
    Allocations.Builder a = Allocations.builder();
    try (PreparedStatement p = select(c, "mode, customization_license, customization_enabled",
        "mm_license_state", ""); ResultSet rs = p.executeQuery()) {
      rs.next();
      mode = constant(LicensingMode.class, rs, "mode");
      a.customizationLicense(flag(rs, "customization_license"));
      a.customizationEnabled(flag(rs, "customization_enabled"));
    }
    try (PreparedStatement p = select(c, "allocation_type, licenses", "mm_license_allocation", "");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        a.allocate(constant(AllocationType.class, rs, "allocation_type"), rs.getLong("licenses"));
      }
    }
    Map<Feature, Set<String>> trialClusters = clustersByFeature(c, "mm_license_trial_cluster");
    List<TrialRecord> trials = new ArrayList<>();
    try (PreparedStatement p = select(c, "feature, started_at", "mm_license_trial", "position");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        Feature f = constant(Feature.class, rs, "feature");
        trials.add(new TrialRecord(f, Instant.parse(rs.getString("started_at")),
            trialClusters.getOrDefault(f, Set.of())));
      }
    }
    Map<String, Map<Feature, Instant>> since = new HashMap<>();
    try (PreparedStatement p = select(c, "cluster_id, feature, since", "mm_license_enforcement", "");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        since.computeIfAbsent(rs.getString("cluster_id"), k -> new EnumMap<>(Feature.class))
            .put(constant(Feature.class, rs, "feature"), Instant.parse(rs.getString("since")));
      }
    }
    return new LicenseState(mode, a.build(), trials,
        clustersByFeature(c, "mm_license_earlier_trial_cluster"), since);
  }

  private Map<Feature, Set<String>> clustersByFeature(Connection c, String table)
      throws SQLException {
    Map<Feature, Set<String>> out = new LinkedHashMap<>();
    try (PreparedStatement p = select(c, "feature, cluster_id", table, "");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        out.computeIfAbsent(constant(Feature.class, rs, "feature"), k -> new HashSet<>())
            .add(rs.getString("cluster_id"));
      }
    }
    return out;
  }

  @Override
  public void save(LicenseState state) {
    Objects.requireNonNull(state, "state == null");
    writeState(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE mm_license_state SET mode = ?,"
          + " customization_license = ?, customization_enabled = ? WHERE scope = ?")) {
        p.setString(1, state.mode().name());
        p.setInt(2, state.allocations().hasCustomizationLicense() ? 1 : 0);
        p.setInt(3, state.allocations().isCustomizationEnabled() ? 1 : 0);
        p.setString(4, scope);
        p.executeUpdate();
      }
      deleteParts(c, PARTS);
      try (PreparedStatement p = insert(c, "mm_license_allocation", "allocation_type", "licenses")) {
        for (AllocationType t : AllocationType.values()) {
          var n = state.allocations().findAllocated(t);
          if (n.isPresent()) {
            p.setString(2, t.name());
            p.setLong(3, n.getAsLong());
            p.executeUpdate();
          }
        }
      }
      int position = 0;
      try (PreparedStatement p = insert(c, "mm_license_trial", "feature", "position", "started_at")) {
        for (TrialRecord t : state.trials()) {
          p.setString(2, t.feature().name());
          p.setInt(3, position++);
          p.setString(4, t.start().toString());
          p.executeUpdate();
          clusters(c, "mm_license_trial_cluster", t.feature(), t.clusterIds());
        }
      }
      for (Map.Entry<Feature, Set<String>> e : state.clustersInEarlierTrials().entrySet()) {
        clusters(c, "mm_license_earlier_trial_cluster", e.getKey(), e.getValue());
      }
      try (PreparedStatement p = insert(c, "mm_license_enforcement", "cluster_id", "feature", "since")) {
        for (Map.Entry<String, Map<Feature, Instant>> e : state.enforcementSince().entrySet()) {
          for (Map.Entry<Feature, Instant> f : e.getValue().entrySet()) {
            p.setString(2, e.getKey());
            p.setString(3, f.getKey().name());
            p.setString(4, f.getValue().toString());
            p.executeUpdate();
          }
        }
      }
    });
  }

  private void clusters(Connection c, String table, Feature f, Set<String> ids) throws SQLException {
    try (PreparedStatement p = insert(c, table, "feature", "cluster_id")) {
      for (String id : ids) {
        p.setString(2, f.name());
        p.setString(3, id);
        p.executeUpdate();
      }
    }
  }
}
