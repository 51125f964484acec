package io.mmsdk.licensing.smart;

import io.mmsdk.licensing.AllocationType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The licenses reserved in Cisco SSM for an instance that cannot reach the Internet (seed
 * 21.6.3): either a Universal reservation (PLR, "a single license that enables use of all
 * features") or a Specific one (SLR) with the quantity reserved per license type.
 *
 * @param variant PLR or SLR
 * @param reserved for SLR, the licenses reserved per type; empty for PLR
 */
public record Reservation(Variant variant, Map<AllocationType, Long> reserved) {

  /**
   * Checks the arguments: PLR reserves no quantities, SLR quantities are not negative.
   *
   * @param variant PLR or SLR; not null
   * @param reserved for SLR the licenses per type, each 0 or more; empty for PLR
   * @throws IllegalArgumentException if PLR carries quantities or an SLR quantity is negative
   */
  public Reservation {
    Objects.requireNonNull(variant, "variant == null");
    Objects.requireNonNull(reserved, "reserved == null");
    if (variant == Variant.UNIVERSAL && !reserved.isEmpty()) {
      throw new IllegalArgumentException("A Universal reservation (PLR) reserves no quantities;"
          + " got " + reserved + ". Use Reservation.universal().");
    }
    reserved.forEach((t, n) -> {
      if (Objects.requireNonNull(n, "reserved count == null") < 0) {
        throw new IllegalArgumentException("reserved " + t + " must be >= 0; got " + n);
      }
    });
    Map<AllocationType, Long> copy = new EnumMap<>(AllocationType.class);
    copy.putAll(reserved);
    reserved = Collections.unmodifiableMap(copy);
  }

  /** {@return a Universal (Permanent License Reservation, PLR) reservation} */
  public static Reservation universal() {
    return new Reservation(Variant.UNIVERSAL, Map.of());
  }

  /**
   * {@return a Specific License Reservation (SLR) of {@code reserved} licenses per type}
   *
   * @param reserved the licenses reserved per type, each 0 or more
   */
  public static Reservation specific(Map<AllocationType, Long> reserved) {
    return new Reservation(Variant.SPECIFIC, reserved);
  }

  /**
   * {@return the licenses of {@code type} reserved under SLR; empty under PLR or if none}
   *
   * @param type the license type
   */
  public OptionalLong findReserved(AllocationType type) {
    Long n = reserved.get(Objects.requireNonNull(type, "type == null"));
    return n == null ? OptionalLong.empty() : OptionalLong.of(n);
  }

  /**
   * {@return the license status the Licenses page shows: "Reservation Active" for PLR, "Reserved"
   * (shown along with {@link #findReserved the number}) for SLR}
   */
  public String statusLabel() {
    return variant == Variant.UNIVERSAL ? "Reservation Active" : "Reserved";
  }

  /** The two variants of license reservation. */
  public enum Variant {
    /** Universal or Permanent License Reservation (PLR); not updatable. */
    UNIVERSAL,
    /** Specific License Reservation (SLR): chosen quantities, updatable. */
    SPECIFIC
  }
}
