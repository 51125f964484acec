package io.mmsdk.licensing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Renders a {@link UtilizationSeries} as a standalone SVG 1.1 document (800 × 400) that any browser
 * shows: title, y axis with gridlines, x axis with UTC labels, the usage as a blue line with dots,
 * the allocation as a dashed red line with its value, and a legend. Pure and thread-safe.
 */
public final class UtilizationChart {
  private static final int W = 800;
  private static final int H = 400;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private UtilizationChart() {}

  /**
   * {@return the SVG text for {@code series}, drawing the allocation line when {@code allocations}
   * has a value entered for the series' type}
   *
   * @param series the daily peaks to draw
   * @param allocations the allocations; the line is drawn only if the series' type has one
   */
  public static String svg(UtilizationSeries series, Allocations allocations) {
    Objects.requireNonNull(series, "series == null");
    Objects.requireNonNull(allocations, "allocations == null");
    OptionalLong alloc = allocations.findAllocated(series.type());
    double top = Math.max(series.max(), alloc.isPresent() ? alloc.getAsLong() : 0);
    double yMax = niceCeiling(top);
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    long t0;
    long t1;
    boolean daily = series.resolution() == UtilizationSeries.Resolution.DAILY_PEAK;
    t0 = series.from().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    t1 = series.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
        - (daily ? 86_400 : 300);
    double span = Math.max(1, t1 - t0);

    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(W)
        .append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ')
        .append(H).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    String title = "License utilization: " + label(series.type()) + ", " + series.from()
        + (series.from().equals(series.to()) ? " (5-minute bins, UTC)"
            : " to " + series.to() + " (daily peaks, UTC)");
    sb.append("<text x=\"").append(W / 2).append("\" y=\"22\" text-anchor=\"middle\""
        + " font-size=\"15\">").append(escape(title)).append("</text>\n");
    for (int i = 0; i <= 4; i++) {
      double v = yMax * i / 4;
      double y = TOP + plotH - plotH * i / 4.0;
      sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
          .append(W - RIGHT).append("\" y2=\"").append(fmt(y))
          .append("\" stroke=\"#dddddd\"/>\n");
      sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(fmt(v)).append("</text>\n");
    }
    sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"")
        .append(LEFT).append("\" y2=\"").append(TOP + plotH).append("\" stroke=\"black\"/>\n");
    sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotH)
        .append("\" x2=\"").append(W - RIGHT).append("\" y2=\"").append(TOP + plotH)
        .append("\" stroke=\"black\"/>\n");
    for (int i = 0; i <= 4; i++) {
      long t = t0 + Math.round(span * i / 4);
      double x = LEFT + plotW * i / 4.0;
      String l = (daily ? DATE : TIME).format(java.time.Instant.ofEpochSecond(t));
      sb.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(TOP + plotH + 18)
          .append("\" text-anchor=\"middle\">").append(l).append("</text>\n");
    }
    sb.append("<text x=\"16\" y=\"").append(TOP + plotH / 2)
        .append("\" transform=\"rotate(-90 16 ").append(TOP + plotH / 2)
        .append(")\" text-anchor=\"middle\">Licenses</text>\n");
    List<UtilizationSeries.Point> pts = series.points();
    if (!pts.isEmpty()) {
      StringBuilder poly = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (UtilizationSeries.Point p : pts) {
        double x = LEFT + plotW * (p.time().getEpochSecond() - t0) / span;
        double y = TOP + plotH - plotH * p.value() / yMax;
        poly.append(fmt(x)).append(',').append(fmt(y)).append(' ');
        if (pts.size() <= 120) {
          dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
              .append("\" r=\"2.5\" fill=\"#1f5fbf\"/>\n");
        }
      }
      sb.append("<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\" points=\"")
          .append(poly.toString().trim()).append("\"/>\n").append(dots);
    } else {
      sb.append("<text x=\"").append(W / 2).append("\" y=\"").append(TOP + plotH / 2)
          .append("\" text-anchor=\"middle\" fill=\"#888888\">No usage data</text>\n");
    }
    if (alloc.isPresent()) {
      double y = TOP + plotH - plotH * alloc.getAsLong() / yMax;
      sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y)).append("\" x2=\"")
          .append(W - RIGHT).append("\" y2=\"").append(fmt(y))
          .append("\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>\n");
      sb.append("<text x=\"").append(W - RIGHT - 4).append("\" y=\"").append(fmt(y - 5))
          .append("\" text-anchor=\"end\" fill=\"#c0392b\">Allocated: ")
          .append(alloc.getAsLong()).append("</text>\n");
    }
    int ly = H - 18;
    sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(ly - 4).append("\" x2=\"")
        .append(LEFT + 24).append("\" y2=\"").append(ly - 4)
        .append("\" stroke=\"#1f5fbf\" stroke-width=\"2\"/>\n");
    sb.append("<text x=\"").append(LEFT + 30).append("\" y=\"").append(ly).append("\">")
        .append(daily ? "Daily peak (3-point median smoothed)" : "Licenses used per 5 minutes")
        .append("</text>\n");
    sb.append("<line x1=\"").append(LEFT + 300).append("\" y1=\"").append(ly - 4)
        .append("\" x2=\"").append(LEFT + 324).append("\" y2=\"").append(ly - 4)
        .append("\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"8 4\"/>\n");
    sb.append("<text x=\"").append(LEFT + 330).append("\" y=\"").append(ly).append("\">")
        .append(alloc.isPresent() ? "Allocated licenses" : "Allocated licenses: not entered")
        .append("</text>\n");
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static String label(AllocationType t) {
    switch (t) {
      case PMP:
        return "PMP Plus";
      case SMP:
        return "SMP Plus";
      default:
        return "Recording or streaming";
    }
  }

  private static double niceCeiling(double v) {
    if (v <= 0) {
      return 4;
    }
    double mag = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * mag >= v * 1.1) {
        return step * mag;
      }
    }
    return 10 * mag;
  }

  private static String fmt(double v) {
    long r = Math.round(v * 10);
    return r % 10 == 0 ? Long.toString(r / 10) : (r / 10) + "." + Math.abs(r % 10);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
