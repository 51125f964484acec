package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.api.LicenseUsageEntry;
import io.mmsdk.cms.api.MultipartyLicensing;
import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.core.CmsObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CmsUsageSourceTest {

  private static LicenseUsageEntry entry(Map<String, String> attributes, String... childNameText) {
    List<CmsElement> children = new ArrayList<>();
    for (int i = 0; i < childNameText.length; i += 2) {
      children.add(new CmsElement(childNameText[i], Map.of(), childNameText[i + 1], List.of()));
    }
    return new LicenseUsageEntry(CmsObject.of(new CmsElement("entry", attributes, "", children)));
  }

  @Test
  void toSample_allElements_mapToLicenseTypes() {
    UsageSample s = CmsUsageSource.toSample("h1", entry(Map.of("time", "2019-05-16T18:44:52Z"),
        "pmp", "1.00", "pmpAssigned", "40", "smpAud", "0.50", "smpPtP", "0.333", "smpFull", "2",
        "rec", "1", "str", "3"));
    assertEquals(Instant.parse("2019-05-16T18:44:52Z"), s.time());
    assertEquals(new UsageValues(1, 0.5, 0.333, 2, 1, 3), s.values());
  }

  @Test
  void toMultiparty_sampleReply_parsesCountsAndDecimals() {
    CmsObject m = CmsObject.of(new CmsElement("multipartyLicensing", Map.of(), "", List.of(
        new CmsElement("timestamp", Map.of(), "2019-05-16T18:44:52Z", List.of()),
        new CmsElement("callsActive", Map.of(), "3", List.of()),
        new CmsElement("weightedCallsActive", Map.of(), "2.000", List.of()),
        new CmsElement("callsWithoutPersonalLicense", Map.of(), "2", List.of()),
        new CmsElement("weightedCallsWithoutPersonalLicense", Map.of(), "1.500", List.of()),
        new CmsElement("participantsActive", Map.of(), "9", List.of()))));
    MultipartyUsage u = CmsUsageSource.toMultiparty(new MultipartyLicensing(m));
    assertEquals(new MultipartyUsage(Instant.parse("2019-05-16T18:44:52Z"), 3, 2.0, 2, 1.5, 9, 0),
        u);
  }

  @Test
  void toMultiparty_badTimestamp_fails() {
    CmsObject m = CmsObject.of(new CmsElement("multipartyLicensing", Map.of(), "", List.of()));
    assertThrows(LicenseDataException.class, () -> CmsUsageSource.toMultiparty(new MultipartyLicensing(m)));
  }

  @Test
  void toSample_emptyEntry_isAllZero() {
    UsageSample s = CmsUsageSource.toSample("h1", entry(Map.of("time", "2019-05-16T17:34:51Z")));
    assertEquals(UsageValues.ZERO, s.values());
  }

  @Test
  void toSample_missingTime_failsWithExpectedForm() {
    LicenseDataException e = assertThrows(LicenseDataException.class,
        () -> CmsUsageSource.toSample("h1", entry(Map.of(), "smpFull", "1")));
    assertTrue(e.getMessage().contains("no time attribute"), e.getMessage());
  }

  @Test
  void toSample_badTime_failsNamingTheValue() {
    LicenseDataException e = assertThrows(LicenseDataException.class,
        () -> CmsUsageSource.toSample("h1", entry(Map.of("time", "16/05/2019"))));
    assertTrue(e.getMessage().contains("'16/05/2019'"), e.getMessage());
  }

  @Test
  void toSample_negativeOrTextCount_failsNamingElementAndHost() {
    for (String bad : new String[] {"-1", "lots", "NaN", "Infinity"}) {
      LicenseDataException e = assertThrows(LicenseDataException.class,
          () -> CmsUsageSource.toSample("h7", entry(Map.of("time", "2019-05-16T17:34:51Z"),
              "smpFull", bad)));
      assertTrue(e.getMessage().contains("<smpFull> of host h7"), e.getMessage());
    }
  }
}
