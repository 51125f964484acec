package io.mmsdk.licensing;

import java.util.Objects;

/**
 * One value per {@link LicenseType}: a host's snapshot, a cluster bin or a daily peak. Values are
 * finite and not negative; CMS reports decimals such as {@code 0.333} for calls spanning bridges.
 *
 * @param pmp personal licenses in use
 * @param smpAudioOnly shared-license audio-only calls
 * @param smpPointToPoint shared-license point-to-point calls
 * @param smpFull other shared-license calls
 * @param recording calls being recorded
 * @param streaming calls being streamed
 */
public record UsageValues(
    double pmp,
    double smpAudioOnly,
    double smpPointToPoint,
    double smpFull,
    double recording,
    double streaming) {

  /** All zero: what an empty {@code <entry/>} means. */
  public static final UsageValues ZERO = new UsageValues(0, 0, 0, 0, 0, 0);

  /**
   * Checks every value is finite and not negative.
   *
   * @param pmp personal licenses in use
   * @param smpAudioOnly shared-license audio-only calls
   * @param smpPointToPoint shared-license point-to-point calls
   * @param smpFull other shared-license calls
   * @param recording calls being recorded
   * @param streaming calls being streamed
   */
  public UsageValues {
    check("pmp", pmp);
    check("smpAudioOnly", smpAudioOnly);
    check("smpPointToPoint", smpPointToPoint);
    check("smpFull", smpFull);
    check("recording", recording);
    check("streaming", streaming);
  }

  /**
   * {@return values taken from {@code array}, indexed by {@link LicenseType#ordinal()}}
   *
   * @param array one value per {@link LicenseType}, in ordinal order; copied
   */
  public static UsageValues of(double[] array) {
    Objects.requireNonNull(array, "array == null");
    if (array.length != LicenseType.values().length) {
      throw new IllegalArgumentException(
          "array must have " + LicenseType.values().length + " values, one per LicenseType; got "
              + array.length);
    }
    return new UsageValues(array[0], array[1], array[2], array[3], array[4], array[5]);
  }

  /**
   * {@return the value for {@code type}}
   *
   * @param type the license type
   */
  public double value(LicenseType type) {
    switch (Objects.requireNonNull(type, "type == null")) {
      case PMP:
        return pmp;
      case SMP_AUDIO_ONLY:
        return smpAudioOnly;
      case SMP_POINT_TO_POINT:
        return smpPointToPoint;
      case SMP_FULL:
        return smpFull;
      case RECORDING:
        return recording;
      default:
        return streaming;
    }
  }

  /**
   * {@return the usage that counts against {@code type}, for example the SMP sum}
   *
   * @param type the license type
   */
  public double usage(AllocationType type) {
    return Objects.requireNonNull(type, "type == null").usageOf(this);
  }

  private static void check(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(
          name + " must be a finite number >= 0 (a license count); got " + v);
    }
  }
}
