package fr.portailfamilles.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Turns a run's {@link Timeline} into its figures and its plot: per-second throughput (admitted bookings, of which
 * confirmed places, refusals, errors) and latency (p50/p99 of admitted and of refused requests, per second), and
 * the whole run's percentiles. Usage: {@code Hol1Report <timeline.csv> <out.png> <summary.md>}.
 */
public final class Hol1Report {

    private Hol1Report() {
    }

    /** What a run came to. Goodput: admitted (2xx, first answers, not replays) booking requests per second of the rush. */
    public record Summary(int requests, int admitted, int confirmed, int waitlisted, int refused, int conflicts, int serverErrors,
            int otherErrors, int replays, int replaysOk, double seconds, double goodput, double peakGoodput,
            long[] admittedPercentiles, long[] refusedPercentiles) {

        String markdown(String label) {
            return String.format(Locale.ROOT, """
                    | %s | value |
                    |---|---|
                    | booking requests (first tries + retries + replays) | %d |
                    | admitted bookings (2xx, replays excluded) | %d (CONFIRMED %d, WAITLISTED %d) |
                    | refused (429) | %d |
                    | 409 conflicts | %d |
                    | 5xx | %d |
                    | other errors (4xx but 409/429, timeouts) | %d |
                    | replays with the same Idempotency-Key: 2xx / sent | %d / %d |
                    | duration (first to last answer) | %.1f s |
                    | goodput: admitted bookings / s, whole run | %.1f |
                    | goodput: best 10 s window | %.1f |
                    | admitted latency p50 / p95 / p99 / max (ms) | %d / %d / %d / %d |
                    | refused latency p50 / p95 / p99 / max (ms) | %d / %d / %d / %d |
                    """, label, requests, admitted, confirmed, waitlisted, refused, conflicts, serverErrors, otherErrors, replaysOk, replays,
                    seconds, goodput, peakGoodput, admittedPercentiles[0], admittedPercentiles[1], admittedPercentiles[2],
                    admittedPercentiles[3], refusedPercentiles[0], refusedPercentiles[1], refusedPercentiles[2], refusedPercentiles[3]);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("Usage: Hol1Report <timeline.csv> <out.png> <summary.md>");
            System.exit(2);
        }
        Path timeline = Path.of(args[0]);
        List<Timeline.Row> rows = Timeline.read(timeline);
        Summary summary = summarize(rows);
        String label = timeline.getFileName().toString().replace("-timeline.csv", "");
        Files.writeString(Path.of(args[2]), summary.markdown(label), StandardCharsets.UTF_8);
        plot(rows, label, Path.of(args[1]));
        System.out.print(summary.markdown(label));
    }

    static boolean isBooking(Timeline.Row row) {
        return row.kind().startsWith("book");
    }

    static boolean isAdmitted(Timeline.Row row) {
        return isBooking(row) && !row.kind().equals("book replay") && row.status() / 100 == 2;
    }

    static Summary summarize(List<Timeline.Row> all) {
        List<Timeline.Row> bookings = all.stream().filter(Hol1Report::isBooking).sorted(Comparator.comparingLong(Timeline.Row::endMillis)).toList();
        if (bookings.isEmpty()) {
            throw new IllegalStateException("No booking in this timeline");
        }
        List<Timeline.Row> admitted = bookings.stream().filter(Hol1Report::isAdmitted).toList();
        List<Timeline.Row> refused = bookings.stream().filter(row -> row.status() == 429).toList();
        List<Timeline.Row> replays = bookings.stream().filter(row -> row.kind().equals("book replay")).toList();
        long first = bookings.get(0).endMillis() - bookings.get(0).latencyMillis();
        long last = bookings.get(bookings.size() - 1).endMillis();
        double seconds = Math.max(1, last - first) / 1000.0;
        double peak = 0;
        long[] ends = admitted.stream().mapToLong(Timeline.Row::endMillis).toArray();
        for (int i = 0, j = 0; i < ends.length; i++) {
            while (ends[i] - ends[j] >= 10_000) {
                j++;
            }
            peak = Math.max(peak, (i - j + 1) / 10.0);
        }
        return new Summary(bookings.size(), admitted.size(),
                (int) admitted.stream().filter(row -> "CONFIRMED".equals(row.line())).count(),
                (int) admitted.stream().filter(row -> "WAITLISTED".equals(row.line())).count(),
                refused.size(), count(bookings, row -> row.status() == 409), count(bookings, row -> row.status() >= 500),
                count(bookings, row -> (row.status() < 200 || row.status() >= 400) && row.status() < 500 && row.status() != 409
                        && row.status() != 429),
                replays.size(), count(replays, row -> row.status() / 100 == 2), seconds, admitted.size() / seconds, peak,
                percentiles(admitted), percentiles(refused));
    }

    private static int count(List<Timeline.Row> rows, Predicate<Timeline.Row> test) {
        return (int) rows.stream().filter(test).count();
    }

    /** p50, p95, p99, max; zeros when there is nothing to measure. */
    static long[] percentiles(List<Timeline.Row> rows) {
        long[] latencies = rows.stream().mapToLong(Timeline.Row::latencyMillis).sorted().toArray();
        if (latencies.length == 0) {
            return new long[4];
        }
        return new long[] {at(latencies, 0.50), at(latencies, 0.95), at(latencies, 0.99), latencies[latencies.length - 1]};
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    /** Two charts, one above the other, sharing the time axis (seconds since the first request). */
    static void plot(List<Timeline.Row> all, String label, Path png) throws IOException {
        List<Timeline.Row> bookings = all.stream().filter(Hol1Report::isBooking).toList();
        long start = bookings.stream().mapToLong(row -> row.endMillis() - row.latencyMillis()).min().orElse(0);
        int seconds = (int) ((bookings.stream().mapToLong(Timeline.Row::endMillis).max().orElse(start) - start) / 1000) + 1;
        double[] time = new double[seconds];
        double[] admitted = new double[seconds];
        double[] confirmed = new double[seconds];
        double[] refused = new double[seconds];
        double[] errors = new double[seconds];
        List<List<Long>> admittedLatency = new ArrayList<>();
        List<List<Long>> refusedLatency = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            time[s] = s;
            admittedLatency.add(new ArrayList<>());
            refusedLatency.add(new ArrayList<>());
        }
        for (Timeline.Row row : bookings) {
            int s = (int) ((row.endMillis() - start) / 1000);
            if (isAdmitted(row)) {
                admitted[s]++;
                admittedLatency.get(s).add(row.latencyMillis());
                if ("CONFIRMED".equals(row.line())) {
                    confirmed[s]++;
                }
            }
            else if (row.status() == 429) {
                refused[s]++;
                refusedLatency.get(s).add(row.latencyMillis());
            }
            else if (row.status() >= 500 || row.status() <= 0) {
                errors[s]++;
            }
        }
        XYChart throughput = new XYChartBuilder().width(1100).height(380).title("HOL-1 " + label + " — throughput per second")
                .xAxisTitle("s since the first request").yAxisTitle("requests / s").build();
        series(throughput, "admitted bookings (2xx)", time, admitted, Color.decode("#1b7837"));
        series(throughput, "of which CONFIRMED places", time, confirmed, Color.decode("#5aae61"));
        series(throughput, "refused (429)", time, refused, Color.decode("#e08214"));
        series(throughput, "errors (5xx, timeouts)", time, errors, Color.decode("#b2182b"));
        XYChart latency = new XYChartBuilder().width(1100).height(380).title("HOL-1 " + label + " — latency per second (ms)")
                .xAxisTitle("s since the first request").yAxisTitle("ms").build();
        series(latency, "admitted p50", time, quantilePerSecond(admittedLatency, 0.50), Color.decode("#5aae61"));
        series(latency, "admitted p99", time, quantilePerSecond(admittedLatency, 0.99), Color.decode("#1b7837"));
        series(latency, "refused p50", time, quantilePerSecond(refusedLatency, 0.50), Color.decode("#fdb863"));
        series(latency, "refused p99", time, quantilePerSecond(refusedLatency, 0.99), Color.decode("#e08214"));
        BufferedImage top = BitmapEncoder.getBufferedImage(throughput);
        BufferedImage bottom = BitmapEncoder.getBufferedImage(latency);
        BufferedImage both = new BufferedImage(top.getWidth(), top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = both.createGraphics();
        graphics.drawImage(top, 0, 0, null);
        graphics.drawImage(bottom, 0, top.getHeight(), null);
        graphics.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(both, "png", png.toFile());
    }

    private static void series(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
    }

    private static double[] quantilePerSecond(List<List<Long>> perSecond, double quantile) {
        double[] values = new double[perSecond.size()];
        for (int s = 0; s < values.length; s++) {
            long[] sorted = perSecond.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
            values[s] = sorted.length == 0 ? Double.NaN : at(sorted, quantile);
        }
        return values;
    }
}
