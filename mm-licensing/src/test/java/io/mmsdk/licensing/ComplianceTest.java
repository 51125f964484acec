package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComplianceTest {
  private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
  private static final LocalDate TODAY = LocalDate.parse("2026-06-30");

  private static DailyPeak peak(LocalDate d, double pmp, double smp, double rec) {
    return new DailyPeak(d, new UsageValues(pmp, 0, 0, smp, rec, 0), smp, rec);
  }

  /** 90 days of {@code base} SMP usage, with {@code overDays} days (most recent) at {@code high}. */
  private static List<DailyPeak> smpDays(double base, int overDays, double high) {
    List<DailyPeak> out = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      out.add(peak(TODAY.minusDays(i), 0, i < overDays ? high : base, 0));
    }
    return out;
  }

  private static Allocations meetings(long pmp, long smp) {
    return Allocations.builder()
        .allocate(AllocationType.PMP, pmp).allocate(AllocationType.SMP, smp).build();
  }

  static Stream<Arguments> meetingCases() {
    return Stream.of(
        Arguments.of("no usage", smpDays(0, 0, 0), ComplianceStatus.IN_COMPLIANCE),
        Arguments.of("exactly 80 %", smpDays(8, 0, 0), ComplianceStatus.IN_COMPLIANCE),
        Arguments.of("just over 80 %", smpDays(8.001, 0, 0), ComplianceStatus.OVER_80_PERCENT),
        Arguments.of("exactly 100 %", smpDays(10, 0, 0), ComplianceStatus.OVER_80_PERCENT),
        Arguments.of("1 over day", smpDays(5, 1, 11), ComplianceStatus.INSUFFICIENT_LICENSES),
        Arguments.of("14 over days", smpDays(5, 14, 11), ComplianceStatus.INSUFFICIENT_LICENSES),
        Arguments.of("15 over days", smpDays(5, 15, 11), ComplianceStatus.OUT_OF_COMPLIANCE),
        Arguments.of("90 over days", smpDays(5, 90, 10.5), ComplianceStatus.OUT_OF_COMPLIANCE),
        Arguments.of("fractional sum at limit", smpDays(5, 20, 9.9999999),
            ComplianceStatus.OVER_80_PERCENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("meetingCases")
  void evaluate_meetingsBoundaries_table(String name, List<DailyPeak> peaks, ComplianceStatus want) {
    FeatureCompliance c =
        Compliance.evaluate(Feature.MEETINGS, peaks, meetings(5, 10), List.of(), NOW);
    assertEquals(want, c.status(), name);
  }

  @Test
  void evaluate_overDays_countsDaysNotTypes() {
    List<DailyPeak> p = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      // PMP and SMP both over on the same 15 days
      p.add(peak(TODAY.minusDays(i), 6, 11, 0));
    }
    FeatureCompliance c = Compliance.evaluate(Feature.MEETINGS, p, meetings(5, 10), List.of(), NOW);
    assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE, c.status());
    assertEquals(15, c.findUsage(AllocationType.PMP).orElseThrow().overDays());
    assertEquals(15, c.findUsage(AllocationType.SMP).orElseThrow().overDays());
    assertEquals(11, c.findUsage(AllocationType.SMP).orElseThrow().ninetyDayPeak());
  }

  @Test
  void evaluate_overDaysOfDifferentTypes_add() {
    List<DailyPeak> p = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      p.add(peak(TODAY.minusDays(i), 6, 0, 0));
      p.add(peak(TODAY.minusDays(20 + i), 0, 11, 0));
    }
    FeatureCompliance c = Compliance.evaluate(Feature.MEETINGS, p, meetings(5, 10), List.of(), NOW);
    assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE, c.status());
  }

  static Stream<Arguments> windowCases() {
    return Stream.of(
        // 14 over days inside the window + one on the oldest day still inside (89 days ago)
        Arguments.of(89, ComplianceStatus.OUT_OF_COMPLIANCE),
        // the 15th over day 90 days ago has left the window
        Arguments.of(90, ComplianceStatus.INSUFFICIENT_LICENSES));
  }

  @ParameterizedTest
  @MethodSource("windowCases")
  void evaluate_windowEdgeInUtcDays_table(int daysAgo, ComplianceStatus want) {
    List<DailyPeak> p = new ArrayList<>(smpDays(5, 14, 11));
    p.add(peak(TODAY.minusDays(daysAgo), 0, 12, 0));
    assertEquals(want,
        Compliance.evaluate(Feature.MEETINGS, p, meetings(5, 10), List.of(), NOW).status());
  }

  @Test
  void evaluate_nowJustBeforeMidnight_todayIsStillInWindow() {
    Instant late = Instant.parse("2026-06-30T23:59:59Z");
    List<DailyPeak> p = List.of(peak(TODAY, 0, 11, 0));
    assertEquals(ComplianceStatus.INSUFFICIENT_LICENSES,
        Compliance.evaluate(Feature.MEETINGS, p, meetings(5, 10), List.of(), late).status());
    Instant next = Instant.parse("2026-07-01T00:00:00Z");
    List<DailyPeak> future = List.of(peak(TODAY.plusDays(1), 0, 11, 0));
    assertEquals(ComplianceStatus.IN_COMPLIANCE,
        Compliance.evaluate(Feature.MEETINGS, future, meetings(5, 10), List.of(), late).status());
    assertEquals(ComplianceStatus.INSUFFICIENT_LICENSES,
        Compliance.evaluate(Feature.MEETINGS, future, meetings(5, 10), List.of(), next).status());
  }

  static Stream<Arguments> allocationCases() {
    return Stream.of(
        Arguments.of("both blank", Allocations.none(), ComplianceStatus.UNLICENSED),
        Arguments.of("pmp blank, smp allocated", Allocations.builder()
            .allocate(AllocationType.SMP, 10).build(), ComplianceStatus.IN_COMPLIANCE),
        Arguments.of("pmp blank, smp zero", Allocations.builder()
            .allocate(AllocationType.SMP, 0).build(), ComplianceStatus.UNLICENSED),
        Arguments.of("both zero", meetings(0, 0), ComplianceStatus.UNLICENSED),
        Arguments.of("pmp zero is not blank", meetings(0, 10), ComplianceStatus.IN_COMPLIANCE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allocationCases")
  void evaluate_blankVersusZero_table(String name, Allocations a, ComplianceStatus want) {
    assertEquals(want,
        Compliance.evaluate(Feature.MEETINGS, smpDays(1, 0, 0), a, List.of(), NOW).status(), name);
  }

  /**
   * Seed ch. 19: "Unlicensed: You have not allocated any licenses." 10 SMP allocated, PMP left
   * blank and 1 SMP in use is licensed and in compliance, so no enforcement countdown starts; a
   * PMP call against the blank PMP counts as overuse, as against 0.
   */
  @Test
  void evaluate_blankTypeNextToAllocatedOne_notUnlicensed_noCountdown() {
    Allocations a = Allocations.builder().allocate(AllocationType.SMP, 10).build();
    FeatureCompliance c = Compliance.evaluate(Feature.MEETINGS,
        List.of(peak(TODAY, 0, 1, 0)), a, List.of(), NOW);
    assertEquals(ComplianceStatus.IN_COMPLIANCE, c.status());
    assertEquals(EnforcementCondition.NONE, EnforcementPolicy.condition(c));
    assertTrue(c.findUsage(AllocationType.PMP).orElseThrow().findAllocated().isEmpty());
    FeatureCompliance pmpUsed = Compliance.evaluate(Feature.MEETINGS,
        List.of(peak(TODAY, 1, 1, 0)), a, List.of(), NOW);
    assertEquals(ComplianceStatus.INSUFFICIENT_LICENSES, pmpUsed.status());
  }

  @Test
  void evaluate_zeroAllocationUsed_isOveruse() {
    List<DailyPeak> p = List.of(peak(TODAY, 1, 2, 0));
    FeatureCompliance c = Compliance.evaluate(Feature.MEETINGS, p, meetings(0, 10), List.of(), NOW);
    assertEquals(ComplianceStatus.INSUFFICIENT_LICENSES, c.status());
  }

  @Test
  void evaluate_unlicensedWithUsage_flagsUsedWithoutLicense() {
    FeatureCompliance used = Compliance.evaluate(Feature.MEETINGS,
        List.of(peak(TODAY, 0, 1, 0)), Allocations.none(), List.of(), NOW);
    assertTrue(used.usedWithoutLicense());
    FeatureCompliance idle = Compliance.evaluate(Feature.MEETINGS,
        List.of(peak(TODAY, 0, 0, 0)), Allocations.none(), List.of(), NOW);
    assertFalse(idle.usedWithoutLicense());
  }

  static Stream<Arguments> recordingCases() {
    return Stream.of(
        Arguments.of(-1L, 1.0, 0, ComplianceStatus.UNLICENSED),
        Arguments.of(0L, 1.0, 0, ComplianceStatus.UNLICENSED),
        Arguments.of(5L, 4.0, 0, ComplianceStatus.IN_COMPLIANCE),
        Arguments.of(5L, 4.5, 0, ComplianceStatus.OVER_80_PERCENT),
        Arguments.of(5L, 4.0, 1, ComplianceStatus.INSUFFICIENT_LICENSES),
        Arguments.of(5L, 4.0, 14, ComplianceStatus.INSUFFICIENT_LICENSES),
        Arguments.of(5L, 4.0, 15, ComplianceStatus.OUT_OF_COMPLIANCE));
  }

  @ParameterizedTest
  @MethodSource("recordingCases")
  void evaluate_recordingOrStreaming_table(long alloc, double base, int over, ComplianceStatus want) {
    Allocations.Builder b = Allocations.builder();
    if (alloc >= 0) {
      b.allocate(AllocationType.RECORDING_OR_STREAMING, alloc);
    }
    List<DailyPeak> p = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      p.add(peak(TODAY.minusDays(i), 0, 0, i < over ? 6 : base));
    }
    assertEquals(want,
        Compliance.evaluate(Feature.RECORDING_OR_STREAMING, p, b.build(), List.of(), NOW).status());
  }

  static Stream<Arguments> customizationCases() {
    return Stream.of(
        Arguments.of(true, false, ComplianceStatus.LICENSED),
        Arguments.of(true, true, ComplianceStatus.LICENSED),
        Arguments.of(false, false, ComplianceStatus.UNLICENSED),
        Arguments.of(false, true, ComplianceStatus.OUT_OF_COMPLIANCE));
  }

  @ParameterizedTest
  @MethodSource("customizationCases")
  void evaluate_customization_table(boolean license, boolean enabled, ComplianceStatus want) {
    Allocations a = Allocations.builder()
        .customizationLicense(license).customizationEnabled(enabled).build();
    assertEquals(want,
        Compliance.evaluate(Feature.CUSTOMIZATION, List.of(), a, List.of(), NOW).status());
  }

  @Test
  void evaluate_duringMeetingsTrial_everythingInComplianceOrLicensed() {
    TrialRecord t = new TrialRecord(Feature.MEETINGS, NOW.minusSeconds(86_400), Set.of("c1"));
    Allocations a = Allocations.builder().customizationEnabled(true).build();
    var all = Compliance.evaluateAll(smpDays(50, 90, 50), a, List.of(t), NOW);
    assertEquals(ComplianceStatus.IN_COMPLIANCE, all.get(Feature.MEETINGS).status());
    assertEquals(ComplianceStatus.IN_COMPLIANCE, all.get(Feature.RECORDING_OR_STREAMING).status());
    assertEquals(ComplianceStatus.LICENSED, all.get(Feature.CUSTOMIZATION).status());
    assertEquals(FeatureCompliance.TrialState.ACTIVE, all.get(Feature.MEETINGS).trialState());
  }

  @Test
  void evaluate_recordingTrial_coversOnlyRecording() {
    TrialRecord t = new TrialRecord(Feature.RECORDING_OR_STREAMING, NOW.minusSeconds(60), Set.of());
    var all = Compliance.evaluateAll(smpDays(1, 0, 0), Allocations.none(), List.of(t), NOW);
    assertEquals(ComplianceStatus.IN_COMPLIANCE, all.get(Feature.RECORDING_OR_STREAMING).status());
    assertEquals(ComplianceStatus.UNLICENSED, all.get(Feature.MEETINGS).status());
    assertEquals(ComplianceStatus.UNLICENSED, all.get(Feature.CUSTOMIZATION).status());
  }

  @Test
  void evaluate_customizationTrial_licensedThenUnlicensedAfterEnd() {
    Instant start = NOW.minus(TrialRecord.LENGTH).plusSeconds(1);
    TrialRecord t = new TrialRecord(Feature.CUSTOMIZATION, start, Set.of());
    assertEquals(ComplianceStatus.LICENSED, Compliance.evaluate(Feature.CUSTOMIZATION, List.of(),
        Allocations.none(), List.of(t), NOW).status());
    FeatureCompliance after = Compliance.evaluate(Feature.CUSTOMIZATION, List.of(),
        Allocations.none(), List.of(t), NOW.plusSeconds(1));
    assertEquals(ComplianceStatus.UNLICENSED, after.status());
    assertEquals(FeatureCompliance.TrialState.ENDED, after.trialState());
  }

  @Test
  void evaluate_afterMeetingsTrialWithLicenses_trialDaysAreNotOverDays() {
    // a 90-day trial ended yesterday at noon; heavy use during it; licenses now
    Instant start = NOW.minusSeconds(86_400).minus(TrialRecord.LENGTH);
    TrialRecord t = new TrialRecord(Feature.MEETINGS, start, Set.of("c1"));
    List<DailyPeak> p = smpDays(50, 90, 50);
    List<DailyPeak> modest = new ArrayList<>(p.subList(1, p.size()));
    modest.add(peak(TODAY, 0, 3, 0));
    FeatureCompliance c =
        Compliance.evaluate(Feature.MEETINGS, modest, meetings(5, 10), List.of(t), NOW);
    assertEquals(ComplianceStatus.IN_COMPLIANCE, c.status());
    assertEquals(FeatureCompliance.TrialState.ENDED, c.trialState());
    assertEquals(50, c.findUsage(AllocationType.SMP).orElseThrow().ninetyDayPeak());
  }

  @Test
  void evaluate_afterMeetingsTrialWithoutLicenses_unlicensed() {
    TrialRecord t = new TrialRecord(Feature.MEETINGS, NOW.minus(TrialRecord.LENGTH).minusSeconds(5),
        Set.of("c1"));
    var all = Compliance.evaluateAll(smpDays(1, 0, 0), Allocations.none(), List.of(t), NOW);
    for (Feature f : Feature.values()) {
      assertEquals(ComplianceStatus.UNLICENSED, all.get(f).status(), f.name());
      assertEquals(FeatureCompliance.TrialState.ENDED, all.get(f).trialState(), f.name());
    }
  }

  /** Regression: toString() of allocations with every type blank threw IllegalArgumentException. */
  @Test
  void allocations_allBlank_toStringWorks() {
    assertEquals("Allocations{{}, customizationLicense=false, customizationEnabled=false}",
        Allocations.none().toString());
  }
}
