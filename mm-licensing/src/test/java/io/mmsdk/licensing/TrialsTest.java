package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TrialsTest {
  private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
  private static final Set<String> CLUSTERS = Set.of("c1", "c2");

  static Stream<Arguments> licensedCases() {
    return Stream.of(
        Arguments.of(Feature.MEETINGS,
            Allocations.builder().allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 1)
                .build()),
        Arguments.of(Feature.MEETINGS, Allocations.builder().allocate(AllocationType.PMP, 3).build()),
        Arguments.of(Feature.RECORDING_OR_STREAMING,
            Allocations.builder().allocate(AllocationType.RECORDING_OR_STREAMING, 1).build()),
        Arguments.of(Feature.CUSTOMIZATION,
            Allocations.builder().customizationLicense(true).build()));
  }

  @ParameterizedTest
  @MethodSource("licensedCases")
  void availability_licensed_notOffered(Feature f, Allocations a) {
    assertEquals(TrialAvailability.LICENSED,
        Trials.availability(f, a, List.of(), CLUSTERS, Set.of(), false, NOW));
  }

  /**
   * Seed 21.6.3.4: "If you are in high enforcement alarm mode, Meeting Management allows one time
   * 90 day trial to silence alarm, giving time for you to purchase additional licenses."
   */
  @Test
  void availability_licensedButHighEnforcement_meetingsTrialOfferedOnce() {
    Allocations a = Allocations.builder()
        .allocate(AllocationType.PMP, 1).allocate(AllocationType.SMP, 1).build();
    assertEquals(TrialAvailability.OFFERED,
        Trials.availability(Feature.MEETINGS, a, List.of(), CLUSTERS, Set.of(), true, NOW));
    TrialRecord t = Trials.start(Feature.MEETINGS, a, List.of(), CLUSTERS, Set.of(), true, NOW);
    assertEquals(TrialAvailability.ALREADY_USED,
        Trials.availability(Feature.MEETINGS, a, List.of(t), CLUSTERS, Set.of(), true,
            t.end().plusSeconds(1)));
    // only the meetings alarm is silenced this way
    Allocations rec = Allocations.builder().allocate(AllocationType.RECORDING_OR_STREAMING, 1)
        .build();
    assertEquals(TrialAvailability.LICENSED, Trials.availability(
        Feature.RECORDING_OR_STREAMING, rec, List.of(), CLUSTERS, Set.of(), true, NOW));
  }

  @ParameterizedTest
  @EnumSource(Feature.class)
  void availability_fresh_offered(Feature f) {
    assertEquals(TrialAvailability.OFFERED,
        Trials.availability(f, Allocations.none(), List.of(), CLUSTERS, Set.of(), false, NOW));
  }

  @Test
  void availability_zeroAllocation_isNotLicensed_soOffered() {
    Allocations a = Allocations.builder()
        .allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 0).build();
    assertEquals(TrialAvailability.OFFERED,
        Trials.availability(Feature.MEETINGS, a, List.of(), CLUSTERS, Set.of(), false, NOW));
  }

  @ParameterizedTest
  @EnumSource(Feature.class)
  void availability_usedBefore_notOfferedEvenLongAfter(Feature f) {
    TrialRecord old = new TrialRecord(f, NOW.minusSeconds(400L * 86_400), Set.of("c1"));
    assertEquals(TrialAvailability.ALREADY_USED,
        Trials.availability(f, Allocations.none(), List.of(old), CLUSTERS, Set.of(), false, NOW));
  }

  @Test
  void availability_newClusterAfterTrial_stillAlreadyUsed() {
    TrialRecord old = new TrialRecord(Feature.MEETINGS, NOW.minusSeconds(100L * 86_400),
        Set.of("c1"));
    assertEquals(TrialAvailability.ALREADY_USED, Trials.availability(Feature.MEETINGS,
        Allocations.none(), List.of(old), Set.of("c-new"), Set.of(), false, NOW));
  }

  @Test
  void availability_clusterConnectedElsewhereDuringTrial_notOffered() {
    assertEquals(TrialAvailability.CLUSTER_IN_EARLIER_TRIAL,
        Trials.availability(Feature.RECORDING_OR_STREAMING, Allocations.none(), List.of(),
            CLUSTERS, Set.of("c2"), false, NOW));
  }

  @Test
  void availability_otherTypesTrial_doesNotConsumeThisType() {
    TrialRecord rec = new TrialRecord(Feature.RECORDING_OR_STREAMING,
        NOW.minusSeconds(100L * 86_400), Set.of("c1"));
    assertEquals(TrialAvailability.OFFERED, Trials.availability(Feature.CUSTOMIZATION,
        Allocations.none(), List.of(rec), CLUSTERS, Set.of(), false, NOW));
  }

  @Test
  void availability_duringMeetingsTrial_otherTrialsCovered() {
    TrialRecord m = new TrialRecord(Feature.MEETINGS, NOW.minusSeconds(86_400), CLUSTERS);
    assertEquals(TrialAvailability.COVERED_BY_ACTIVE_TRIAL, Trials.availability(
        Feature.CUSTOMIZATION, Allocations.none(), List.of(m), CLUSTERS, Set.of(), false, NOW));
    // after the meetings trial the customization trial is still available
    assertEquals(TrialAvailability.OFFERED, Trials.availability(Feature.CUSTOMIZATION,
        Allocations.none(), List.of(m), CLUSTERS, Set.of(), false, m.end()));
  }

  @Test
  void start_offered_recordsConnectedClustersAnd90Days() {
    TrialRecord t = Trials.start(Feature.MEETINGS, Allocations.none(), List.of(), CLUSTERS,
        Set.of(), false, NOW);
    assertEquals(CLUSTERS, t.clusterIds());
    assertEquals(NOW.plusSeconds(90L * 86_400), t.end());
    assertEquals(true, t.isActiveAt(t.end().minusNanos(1)));
    assertEquals(false, t.isActiveAt(t.end()));
  }

  @Test
  void start_notOffered_throwsWithReason() {
    TrialRecord old = new TrialRecord(Feature.MEETINGS, NOW.minusSeconds(10), Set.of());
    TrialNotAvailableException e = assertThrows(TrialNotAvailableException.class,
        () -> Trials.start(Feature.MEETINGS, Allocations.none(), List.of(old), CLUSTERS,
            Set.of(), false, NOW));
    assertEquals(TrialAvailability.ALREADY_USED, e.reason());
    assertEquals(Feature.MEETINGS, e.type());
  }

  /** Seed 19.1: "You get one trial of each type per Meeting Management deployment". */
  @Test
  void licenseState_twoTrialsOfOneType_rejectedSoNoStoreMustChooseOne() {
    List<TrialRecord> two = List.of(new TrialRecord(Feature.CUSTOMIZATION, NOW, CLUSTERS),
        new TrialRecord(Feature.MEETINGS, NOW, CLUSTERS),
        new TrialRecord(Feature.CUSTOMIZATION, NOW.plusSeconds(1), CLUSTERS));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LicenseState.INITIAL.withTrials(two));
    assertEquals(true, e.getMessage().contains("one trial of each type"), e.getMessage());
    assertEquals(2, LicenseState.INITIAL.withTrials(two.subList(0, 2)).trials().size());
  }
}
