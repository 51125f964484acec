package io.mmsdk.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Pure compliance rules of chapter 19 over daily peaks. Stateless and thread-safe.
 *
 * <p>The window is the 90 UTC dates ending with the date of {@code now}. A day is an <em>over
 * day</em> when, for any license type of the feature, its peak exceeds the allocation; days on
 * which
 * a trial granting the feature ran (at any moment) are not counted. Thresholds: more than 80 % of
 * the allocation at the 90-day peak (outside trials) gives {@code OVER_80_PERCENT} (exactly 80 % is
 * still in compliance); 1–14 over days {@code INSUFFICIENT_LICENSES}; 15 or more {@code
 * OUT_OF_COMPLIANCE}. Comparisons allow 1e-6 for the rounding of CMS's fractional counts.
 */
public final class Compliance {
  /** Days in the compliance window. */
  public static final int WINDOW_DAYS = 90;
  /** Over days from which a feature is out of compliance. */
  public static final int OUT_OF_COMPLIANCE_DAYS = 15;
  static final double EPSILON = 1e-6;

  private static final List<AllocationType> MEETING_TYPES =
      List.of(AllocationType.PMP, AllocationType.SMP);
  private static final List<AllocationType> RECORDING_TYPES =
      List.of(AllocationType.RECORDING_OR_STREAMING);

  private Compliance() {}

  /**
   * {@return the status of every feature as an unmodifiable map in {@link Feature} order}
   *
   * @param peaks daily peaks in any order; days outside the window are ignored
   * @param allocations the allocations entered
   * @param trials every trial this deployment started
   * @param now the current time; its UTC date is the last day of the window
   */
  public static Map<Feature, FeatureCompliance> evaluateAll(
      List<DailyPeak> peaks, Allocations allocations, Collection<TrialRecord> trials, Instant now) {
    Map<Feature, FeatureCompliance> out = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      out.put(f, evaluate(f, peaks, allocations, trials, now));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * {@return the status of {@code feature}}
   *
   * @param peaks daily peaks in any order; days outside the window are ignored
   * @param allocations the allocations entered
   * @param trials every trial this deployment started
   * @param now the current time; its UTC date is the last day of the window
   * @param feature the feature to evaluate
   */
  public static FeatureCompliance evaluate(
      Feature feature,
      List<DailyPeak> peaks,
      Allocations allocations,
      Collection<TrialRecord> trials,
      Instant now) {
    Objects.requireNonNull(feature, "feature == null");
    Objects.requireNonNull(peaks, "peaks == null");
    Objects.requireNonNull(allocations, "allocations == null");
    Objects.requireNonNull(trials, "trials == null");
    Objects.requireNonNull(now, "now == null");
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first = today.minusDays(WINDOW_DAYS - 1L);
    FeatureCompliance.TrialState trialState = trialState(feature, trials, now);
    boolean inTrial = trialState == FeatureCompliance.TrialState.ACTIVE;

    if (feature == Feature.CUSTOMIZATION) {
      boolean used = allocations.isCustomizationEnabled() && !allocations.hasCustomizationLicense();
      ComplianceStatus s;
      if (inTrial || allocations.hasCustomizationLicense()) {
        s = ComplianceStatus.LICENSED;
      } else if (allocations.isCustomizationEnabled()) {
        s = ComplianceStatus.OUT_OF_COMPLIANCE;
      } else {
        s = ComplianceStatus.UNLICENSED;
      }
      return new FeatureCompliance(feature, s, List.of(), trialState, used && !inTrial);
    }

    List<AllocationType> types = feature == Feature.MEETINGS ? MEETING_TYPES : RECORDING_TYPES;
    // Seed ch. 19: "Unlicensed: You have not allocated any licenses." A blank type next to an
    // allocated one does not make the feature unlicensed; it counts as 0 (any use is overuse).
    boolean licensed = allocations.isLicensed(feature);

    int overDays = 0;
    boolean over80 = false;
    boolean usedOutsideTrial = false;
    double[] peak = new double[types.size()];
    int[] typeOverDays = new int[types.size()];
    for (DailyPeak p : peaks) {
      if (p.date().isBefore(first) || p.date().isAfter(today)) {
        continue;
      }
      boolean trialDay = coveredByTrial(feature, trials, p.date());
      boolean over = false;
      for (int i = 0; i < types.size(); i++) {
        AllocationType t = types.get(i);
        double v = p.peak(t);
        peak[i] = Math.max(peak[i], v);
        if (trialDay) {
          continue;
        }
        if (v > EPSILON) {
          usedOutsideTrial = true;
        }
        OptionalLong a = allocations.findAllocated(t);
        long alloc = a.orElse(0);
        if (v > alloc + EPSILON) {
          over = true;
          typeOverDays[i]++;
        } else if (v > 0.8 * alloc + EPSILON) {
          over80 = true;
        }
      }
      if (over) {
        overDays++;
      }
    }
    List<TypeUsage> usage = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      OptionalLong a = allocations.findAllocated(types.get(i));
      usage.add(new TypeUsage(types.get(i), a.orElse(0), a.isPresent(), peak[i], typeOverDays[i]));
    }
    ComplianceStatus s;
    if (inTrial) {
      s = ComplianceStatus.IN_COMPLIANCE;
    } else if (!licensed) {
      s = ComplianceStatus.UNLICENSED;
    } else if (overDays >= OUT_OF_COMPLIANCE_DAYS) {
      s = ComplianceStatus.OUT_OF_COMPLIANCE;
    } else if (overDays >= 1) {
      s = ComplianceStatus.INSUFFICIENT_LICENSES;
    } else if (over80) {
      s = ComplianceStatus.OVER_80_PERCENT;
    } else {
      s = ComplianceStatus.IN_COMPLIANCE;
    }
    return new FeatureCompliance(feature, s, usage, trialState, !licensed && usedOutsideTrial);
  }

  private static FeatureCompliance.TrialState trialState(
      Feature f, Collection<TrialRecord> trials, Instant now) {
    if (Trials.findActive(f, trials, now).isPresent()) {
      return FeatureCompliance.TrialState.ACTIVE;
    }
    return Trials.findEnded(f, trials, now).isPresent()
        ? FeatureCompliance.TrialState.ENDED
        : FeatureCompliance.TrialState.NONE;
  }

  private static boolean coveredByTrial(Feature f, Collection<TrialRecord> trials, LocalDate day) {
    Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant dayEnd = dayStart.plusSeconds(86_400);
    for (TrialRecord t : trials) {
      if (t.covers(f) && t.start().isBefore(dayEnd) && t.end().isAfter(dayStart)) {
        return true;
      }
    }
    return false;
  }
}
