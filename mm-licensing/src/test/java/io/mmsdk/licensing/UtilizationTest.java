package io.mmsdk.licensing;

import static io.mmsdk.licensing.Samples.smp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class UtilizationTest {
  private static final LocalDate D1 = LocalDate.parse("2026-03-01");

  private static ClusterBins threeDays() {
    List<UsageSample> s = new ArrayList<>();
    s.addAll(Samples.day("h1", "2026-03-01", 2, 4, 1));
    s.addAll(Samples.day("h1", "2026-03-02", 3, 6, 0));
    s.addAll(Samples.day("h1", "2026-03-03", 1, 2, 2));
    return UsageCalculator.bin(s);
  }

  @Test
  void of_oneDay_onePointPer5Minutes() {
    UtilizationSeries s = UtilizationSeries.of(threeDays(), AllocationType.SMP, D1, D1);
    assertEquals(UtilizationSeries.Resolution.FIVE_MINUTES, s.resolution());
    assertEquals(288, s.points().size());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), s.points().get(0).time());
    assertEquals(Instant.parse("2026-03-01T23:55:00Z"), s.points().get(287).time());
    assertEquals(4, s.max());
  }

  @Test
  void of_longerRange_oneDailyPeakPerDay_filteredByType() {
    UtilizationSeries s =
        UtilizationSeries.of(threeDays(), AllocationType.PMP, D1, D1.plusDays(5));
    assertEquals(UtilizationSeries.Resolution.DAILY_PEAK, s.resolution());
    assertEquals(List.of(2.0, 3.0, 1.0),
        s.points().stream().map(UtilizationSeries.Point::value).toList());
    UtilizationSeries r = UtilizationSeries.of(
        threeDays(), AllocationType.RECORDING_OR_STREAMING, D1.plusDays(1), D1.plusDays(2));
    assertEquals(List.of(0.0, 2.0), r.points().stream().map(UtilizationSeries.Point::value).toList());
  }

  @Test
  void of_reversedRange_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> UtilizationSeries.of(threeDays(), AllocationType.PMP, D1.plusDays(1), D1));
  }

  @Test
  void svg_isWellFormedWithUsageLineAndAllocationLine() throws Exception {
    UtilizationSeries s = UtilizationSeries.of(threeDays(), AllocationType.SMP, D1, D1.plusDays(2));
    String svg = UtilizationChart.svg(s,
        Allocations.builder().allocate(AllocationType.SMP, 5).build());
    XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(new StringReader(svg));
    int polylines = 0;
    int dashed = 0;
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        if (r.getLocalName().equals("polyline")) {
          polylines++;
          assertEquals(3, r.getAttributeValue(null, "points").split(" ").length);
        }
        if (r.getAttributeValue(null, "stroke-dasharray") != null) {
          dashed++;
        }
      } else if (ev == XMLStreamConstants.CHARACTERS) {
        text.append(r.getText()).append('|');
      }
    }
    assertEquals(1, polylines);
    assertEquals(2, dashed); // the allocation line and its legend swatch
    assertTrue(text.toString().contains("Allocated: 5"), text.toString());
    assertTrue(text.toString().contains("SMP Plus, 2026-03-01 to 2026-03-03"), text.toString());
  }

  @Test
  void svg_noAllocationAndNoData_saysSo() {
    UtilizationSeries s = UtilizationSeries.of(
        UsageCalculator.bin(List.of(smp("h1", "2026-01-01T00:00:00Z", 1))),
        AllocationType.PMP, D1, D1);
    String svg = UtilizationChart.svg(s, Allocations.none());
    assertTrue(svg.contains("No usage data"));
    assertTrue(svg.contains("Allocated licenses: not entered"));
    assertFalse(svg.contains("Allocated: "));
  }
}
