package io.mmsdk.licensing;

import io.mmsdk.cms.CmsAuthenticationException;
import io.mmsdk.cms.CmsConnectionException;
import io.mmsdk.cms.CmsTimeoutException;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;

/**
 * The notifications {@link LicenseMonitor} raises and clears: one per Call Bridge that could not
 * be read (by cause), one per cluster and feature under enforcement. Thread-safe, as {@link
 * Notifications} is.
 */
final class LicensingAlerts {
  private static final String SOURCE = LicenseMonitor.SOURCE;
  private static final String COLLECTION_PREFIX = "licensing.unreachable.";
  private static final String ENFORCEMENT_PREFIX = "licensing.enforcement.";

  private final Notifications notifications;

  LicensingAlerts(Notifications notifications) {
    this.notifications = notifications;
  }

  /** Clears the bridge's failure notifications: it answered a whole round. */
  void bridgeAnswered(CallBridge bridge) {
    notifications.clear(COLLECTION_PREFIX + bridge.id());
    notifications.clear(LicenseMonitor.CREDENTIALS_PREFIX + bridge.id());
    notifications.clear(LicenseMonitor.UNREACHABLE_PREFIX + bridge.id());
  }

  /**
   * Raises the notification for a bridge that failed with {@code e}: an ERROR when it refused the
   * credentials or could not be reached, otherwise a WARNING.
   */
  void bridgeFailed(CallBridge bridge, RuntimeException e) {
    String server = "server " + bridge.name() + " (" + bridge.address() + ")";
    if (e instanceof CmsAuthenticationException) {
      // Seed 001, Overview: "The credentials provided for server Server 1 are incorrect."
      notifications.raise(Severity.ERROR, SOURCE, LicenseMonitor.CREDENTIALS_PREFIX + bridge.id(),
          "The credentials provided for " + server + " are incorrect. Edit the Call Bridge and"
              + " enter the API user and password configured on it.");
    } else if (e instanceof CmsConnectionException || e instanceof CmsTimeoutException) {
      notifications.raise(Severity.ERROR, SOURCE, LicenseMonitor.UNREACHABLE_PREFIX + bridge.id(),
          "The " + server + " cannot be reached: " + e.getMessage() + ". Check the network and"
              + " that the Call Bridge is running; usage is still collected from its cluster"
              + " peers.");
    } else {
      notifications.raise(Severity.WARNING, SOURCE, COLLECTION_PREFIX + bridge.id(),
          "Cannot collect license usage from Call Bridge '" + bridge.name() + "' ("
              + bridge.address() + "): " + e.getMessage()
              + ". Usage from other Call Bridges is still collected; check that this Call"
              + " Bridge is reachable and its API user is valid.");
    }
  }

  /**
   * Shows {@code e} for {@code f} on {@code cluster}: clears the notification at {@link
   * EnforcementLevel#NONE}, otherwise raises it (a WARNING before enforcement, an ERROR once
   * active) unless it already says the same.
   */
  void enforcement(Cluster cluster, Feature f, Enforcement e) {
    String key = ENFORCEMENT_PREFIX + cluster.id() + "." + f.name();
    if (e.level() == EnforcementLevel.NONE) {
      notifications.clear(key);
      return;
    }
    Severity s = switch (e.level()) {
      case ALARM_1_ENFORCEMENT_PENDING, AVAILABLE_COUNTDOWN -> Severity.WARNING;
      default -> Severity.ERROR;
    };
    String msg = "Cluster '" + cluster.name() + "', " + f + ": " + e.message()
        + ". Allocate enough licenses (or start a trial if one is offered) to clear this.";
    if (notifications.find(key).map(n -> !n.message().equals(msg)).orElse(true)) {
      notifications.raise(s, SOURCE, key, msg);
    }
  }
}
