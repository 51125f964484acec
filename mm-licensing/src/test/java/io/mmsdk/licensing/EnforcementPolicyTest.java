package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnforcementPolicyTest {
  private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");
  private static final EnforcementPolicy P = EnforcementPolicy.defaults();

  private static Arguments at(Feature f, EnforcementCondition c, Duration elapsed,
      EnforcementLevel level, long days, String message) {
    return Arguments.of(f, c, elapsed, level, days, message);
  }

  static Stream<Arguments> transitions() {
    Feature m = Feature.MEETINGS;
    Feature r = Feature.RECORDING_OR_STREAMING;
    Feature c = Feature.CUSTOMIZATION;
    EnforcementCondition cd = EnforcementCondition.COUNTDOWN;
    EnforcementCondition te = EnforcementCondition.TRIAL_ENDED_UNLICENSED;
    Duration d = Duration.ofDays(1);
    return Stream.of(
        at(m, EnforcementCondition.NONE, Duration.ofDays(500), EnforcementLevel.NONE, 0, ""),
        at(m, cd, Duration.ZERO, EnforcementLevel.ALARM_1_ENFORCEMENT_PENDING, 30,
            "Enforcement in 30 days"),
        at(m, cd, Duration.ofHours(1), EnforcementLevel.ALARM_1_ENFORCEMENT_PENDING, 30,
            "Enforcement in 30 days"),
        at(m, cd, Duration.ofDays(29), EnforcementLevel.ALARM_1_ENFORCEMENT_PENDING, 1,
            "Enforcement in 1 days"),
        at(m, cd, Duration.ofDays(30).minusSeconds(1), EnforcementLevel.ALARM_1_ENFORCEMENT_PENDING,
            1, "Enforcement in 1 days"),
        at(m, cd, Duration.ofDays(30), EnforcementLevel.ALARM_2_ENFORCEMENT_ACTIVE, 30,
            "Enforcement active, high enforcement in 30 days"),
        at(m, cd, Duration.ofDays(59).plus(d.dividedBy(2)),
            EnforcementLevel.ALARM_2_ENFORCEMENT_ACTIVE, 1,
            "Enforcement active, high enforcement in 1 days"),
        at(m, cd, Duration.ofDays(60), EnforcementLevel.ALARM_3_HIGH_ENFORCEMENT, 0,
            "High enforcement active"),
        at(m, te, Duration.ZERO, EnforcementLevel.ALARM_2_ENFORCEMENT_ACTIVE, 30,
            "Enforcement active, high enforcement in 30 days"),
        at(m, te, Duration.ofDays(30), EnforcementLevel.ALARM_3_HIGH_ENFORCEMENT, 0,
            "High enforcement active"),
        at(r, cd, Duration.ZERO, EnforcementLevel.AVAILABLE_COUNTDOWN, 30,
            "Available for 30 more days"),
        at(r, cd, Duration.ofDays(30), EnforcementLevel.NOT_AVAILABLE, 0, "Not available"),
        at(r, te, Duration.ZERO, EnforcementLevel.NOT_AVAILABLE, 0, "Not available"),
        at(c, cd, Duration.ofDays(10), EnforcementLevel.AVAILABLE_COUNTDOWN, 20,
            "Available for 20 more days"),
        at(c, cd, Duration.ofDays(31), EnforcementLevel.NOT_AVAILABLE, 0, "Not available"),
        at(c, te, Duration.ZERO, EnforcementLevel.NOT_AVAILABLE, 0, "Not available"));
  }

  @ParameterizedTest(name = "{0} {1} after {2}: {5}")
  @MethodSource("transitions")
  void evaluate_transitions_table(Feature f, EnforcementCondition c, Duration elapsed,
      EnforcementLevel level, long days, String message) {
    Enforcement e = P.evaluate(f, c, SINCE, SINCE.plus(elapsed));
    assertEquals(level, e.level());
    assertEquals(days, e.daysRemaining());
    assertEquals(message, e.message());
  }

  @Test
  void evaluate_customDelays_areUsed() {
    EnforcementPolicy p = EnforcementPolicy.builder()
        .meetingsEnforcementDelay(Duration.ofDays(7))
        .meetingsHighEnforcementDelay(Duration.ofDays(14))
        .recordingOrStreamingGrace(Duration.ofDays(3))
        .customizationGrace(Duration.ofDays(2))
        .build();
    assertEquals(new Enforcement(EnforcementLevel.ALARM_2_ENFORCEMENT_ACTIVE, 14), p.evaluate(
        Feature.MEETINGS, EnforcementCondition.COUNTDOWN, SINCE, SINCE.plus(Duration.ofDays(7))));
    assertEquals(new Enforcement(EnforcementLevel.AVAILABLE_COUNTDOWN, 3), p.evaluate(
        Feature.RECORDING_OR_STREAMING, EnforcementCondition.COUNTDOWN, SINCE, SINCE));
    assertEquals(new Enforcement(EnforcementLevel.NOT_AVAILABLE, 0), p.evaluate(
        Feature.CUSTOMIZATION, EnforcementCondition.COUNTDOWN, SINCE,
        SINCE.plus(Duration.ofDays(2))));
  }

  @Test
  void builder_nonPositiveDelay_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> EnforcementPolicy.builder().meetingsEnforcementDelay(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> EnforcementPolicy.builder().customizationGrace(Duration.ofDays(-1)));
  }

  static Stream<Arguments> conditions() {
    var none = FeatureCompliance.TrialState.NONE;
    var ended = FeatureCompliance.TrialState.ENDED;
    var active = FeatureCompliance.TrialState.ACTIVE;
    return Stream.of(
        Arguments.of(Feature.MEETINGS, ComplianceStatus.OUT_OF_COMPLIANCE, none, false,
            EnforcementCondition.COUNTDOWN),
        Arguments.of(Feature.MEETINGS, ComplianceStatus.INSUFFICIENT_LICENSES, none, false,
            EnforcementCondition.NONE),
        Arguments.of(Feature.MEETINGS, ComplianceStatus.OVER_80_PERCENT, none, false,
            EnforcementCondition.NONE),
        Arguments.of(Feature.MEETINGS, ComplianceStatus.UNLICENSED, none, false,
            EnforcementCondition.NONE),
        Arguments.of(Feature.MEETINGS, ComplianceStatus.UNLICENSED, none, true,
            EnforcementCondition.COUNTDOWN),
        Arguments.of(Feature.MEETINGS, ComplianceStatus.UNLICENSED, ended, false,
            EnforcementCondition.TRIAL_ENDED_UNLICENSED),
        Arguments.of(Feature.MEETINGS, ComplianceStatus.IN_COMPLIANCE, active, false,
            EnforcementCondition.NONE),
        Arguments.of(Feature.RECORDING_OR_STREAMING, ComplianceStatus.UNLICENSED, ended, false,
            EnforcementCondition.TRIAL_ENDED_UNLICENSED),
        Arguments.of(Feature.CUSTOMIZATION, ComplianceStatus.OUT_OF_COMPLIANCE, none, true,
            EnforcementCondition.COUNTDOWN),
        Arguments.of(Feature.CUSTOMIZATION, ComplianceStatus.UNLICENSED, none, false,
            EnforcementCondition.NONE),
        Arguments.of(Feature.CUSTOMIZATION, ComplianceStatus.UNLICENSED, ended, false,
            EnforcementCondition.TRIAL_ENDED_UNLICENSED),
        Arguments.of(Feature.CUSTOMIZATION, ComplianceStatus.LICENSED, ended, false,
            EnforcementCondition.NONE));
  }

  @ParameterizedTest
  @MethodSource("conditions")
  void condition_table(Feature f, ComplianceStatus s, FeatureCompliance.TrialState t,
      boolean used, EnforcementCondition want) {
    assertEquals(want, EnforcementPolicy.condition(new FeatureCompliance(f, s, List.of(), t, used)));
  }
}
