package io.mmsdk.licensing;

import static io.mmsdk.licensing.Samples.all;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class LicenseReportsTest {
  /** Two hosts across UTC midnight: a max inside a bin, an empty entry, a spike, fractions. */
  static final List<UsageSample> INPUT = List.of(
      all("h-b", "2026-03-02T00:05:40Z", 0, 0, 0.333, 0, 0, 0),
      all("h-a", "2026-03-01T23:50:10Z", 1, 0, 0, 1, 0, 0),
      all("h-b", "2026-03-01T23:50:40Z", 0, 0.5, 0, 0, 1, 0),
      all("h-a", "2026-03-01T23:55:10Z", 1, 0, 0, 1, 0, 0),
      all("h-a", "2026-03-01T23:57:00Z", 0, 0, 0, 2, 0, 0),
      all("h-b", "2026-03-01T23:55:40Z", 0, 0, 0, 0, 0, 0),
      all("h-a", "2026-03-02T00:00:10Z", 0, 0, 0, 6, 0, 0),
      all("h-b", "2026-03-02T00:00:40Z", 0, 0, 0.333, 0, 0, 1),
      all("h-a", "2026-03-02T00:05:10Z", 0, 0, 0, 1, 0, 0));

  @Test
  void writeLicenseData_threeCsvs_matchGoldenFilesByteForByte() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LicenseReports.writeLicenseData(out, INPUT, Instant.parse("2026-03-02T08:00:00Z"));
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    assertEquals(List.of("host-reported.csv", "cluster-bins.csv", "daily-peaks.csv"),
        new ArrayList<>(entries.keySet()));
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      assertArrayEquals(golden(e.getKey()), e.getValue(), e.getKey());
    }
  }

  @Test
  void writeLicenseData_noSamples_writesHeadersOnly() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LicenseReports.writeLicenseData(out, List.of(), Instant.parse("2026-03-02T08:00:00Z"));
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      zip.getNextEntry();
      assertEquals(new String(golden("host-reported.csv")).lines().findFirst().orElseThrow() + "\n",
          new String(zip.readAllBytes()));
    }
  }

  @Test
  void number_threeDecimalsRoundedHalfUp() {
    StringBuilder sb = new StringBuilder();
    for (double v : new double[] {0, 0.0005, 0.0004, 1.2345, 12.1, 100, 0.999}) {
      LicenseReports.number(sb, v);
      sb.append(' ');
    }
    assertEquals("0.000 0.001 0.000 1.235 12.100 100.000 0.999 ", sb.toString());
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = LicenseReportsTest.class.getResourceAsStream("golden/" + name)) {
      assertNotNull(in, "missing golden file " + name);
      return in.readAllBytes();
    }
  }
}
