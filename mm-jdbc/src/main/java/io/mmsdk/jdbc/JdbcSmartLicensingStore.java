package io.mmsdk.jdbc;

import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.smart.Reservation;
import io.mmsdk.licensing.smart.SmartLicensingException;
import io.mmsdk.licensing.smart.SmartLicensingStatus;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Authorization;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Registration;
import io.mmsdk.licensing.smart.SmartLicensingStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@link SmartLicensingStore} on a {@link JdbcDatabase}, per scope: the status is one value, so it
 * is one versioned row ({@code mm_smart_licensing}), with the licenses of a Specific reservation in
 * {@code mm_smart_reservation}. See {@link WholeStateStore} for how loads and saves stay whole.
 */
final class JdbcSmartLicensingStore extends WholeStateStore implements SmartLicensingStore {
  static final String STORE = "smartlicensing";
  static final int VERSION = 1;

  JdbcSmartLicensingStore(JdbcDatabase db, String scope) {
    super(db, scope, STORE, VERSION, "mm_smart_licensing", "the Smart Licensing status");
  }

  @Override
  RuntimeException failure(String message, Throwable cause) {
    return new SmartLicensingException(message, cause);
  }

  @Override
  String repair() {
    return "register again";
  }

  @Override
  public SmartLicensingStatus load() {
    return readState((c, saved) -> {
      if (!saved) {
        return SmartLicensingStatus.UNREGISTERED;
      }
      Map<AllocationType, Long> reserved = new EnumMap<>(AllocationType.class);
      try {
        try (PreparedStatement p = select(c, "allocation_type, reserved", "mm_smart_reservation", "");
            ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            reserved.put(constant(AllocationType.class, rs, "allocation_type"), rs.getLong("reserved"));
          }
        }
        try (PreparedStatement p = select(c, "registration, authorization_status, last_renewal,"
            + " registered_at, confirmation_pending, reservation", "mm_smart_licensing", "");
            ResultSet rs = p.executeQuery()) {
          rs.next();
          String variant = rs.getString("reservation");
          return new SmartLicensingStatus(constant(Registration.class, rs, "registration"),
              constant(Authorization.class, rs, "authorization_status"),
              instant(rs, "last_renewal"), instant(rs, "registered_at"),
              flag(rs, "confirmation_pending"),
              variant == null ? null : new Reservation(
                  constant(Reservation.Variant.class, rs, "reservation"), reserved));
        }
      } catch (IllegalArgumentException | java.time.DateTimeException e) {
        throw damaged(e.getMessage(), e);
      }
    });
  }

  @Override
  public void save(SmartLicensingStatus status) {
    Objects.requireNonNull(status, "status == null");
    writeState(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE mm_smart_licensing SET registration = ?,"
          + " authorization_status = ?, last_renewal = ?, registered_at = ?,"
          + " confirmation_pending = ?, reservation = ? WHERE scope = ?")) {
        p.setString(1, status.registration().name());
        p.setString(2, status.authorization().name());
        p.setString(3, status.findLastAuthorizationRenewal().map(Instant::toString).orElse(null));
        p.setString(4, status.findRegisteredAt().map(Instant::toString).orElse(null));
        p.setInt(5, status.confirmationCodePending() ? 1 : 0);
        p.setString(6, status.findReservation().map(r -> r.variant().name()).orElse(null));
        p.setString(7, scope);
        p.executeUpdate();
      }
      deleteParts(c, "mm_smart_reservation");
      if (status.reservation() != null) {
        try (PreparedStatement p = insert(c, "mm_smart_reservation", "allocation_type", "reserved")) {
          for (Map.Entry<AllocationType, Long> e : status.reservation().reserved().entrySet()) {
            p.setString(2, e.getKey().name());
            p.setLong(3, e.getValue());
            p.executeUpdate();
          }
        }
      }
    });
  }
}
