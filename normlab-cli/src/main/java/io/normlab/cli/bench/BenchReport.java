package io.normlab.cli.bench;

import io.normlab.io.Json;
import java.util.List;
import java.util.Locale;

/** Formats bench results as a fixed-width table or as JSON. */
public final class BenchReport {
    private BenchReport() {}

    private static final String ROW = "%-16s %7s %10s %10s %12s %-8s %9s %9s%n";

    /** The table's header line. */
    public static String header() {
        return String.format(Locale.ROOT, ROW, "workload", "threads", "median ms", "min ms", "rate", "unit", "RSS MiB", "heap MiB");
    }

    /** One table line. */
    public static String row(BenchResult r) {
        return String.format(Locale.ROOT, ROW, r.name(), r.threads(), fmt(r.medianMs()), fmt(r.minMs()), fmt(r.rate()),
                r.unit().label, r.peakRss() < 0 ? "?" : mib(r.peakRss()), mib(r.peakHeap()));
    }

    /** A JSON object: {@code {"kernels": ..., "results": [{...}, ...]}}. */
    public static String json(String kernels, List<BenchResult> results) {
        StringBuilder sb = new StringBuilder("{\n  \"kernels\": ").append(Json.quote(kernels)).append(",\n  \"results\": [");
        for (int i = 0; i < results.size(); i++) {
            BenchResult r = results.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"workload\": %s, \"threads\": %d, \"median_ms\": %.4f, \"min_ms\": %.4f, \"reps\": %d, \"rate\": %.4f, "
                            + "\"unit\": %s, \"peak_rss_bytes\": %d, \"peak_heap_bytes\": %d}",
                    Json.quote(r.name()), r.threads(), r.medianMs(), r.minMs(), r.reps(), r.rate(), Json.quote(r.unit().label),
                    r.peakRss(), r.peakHeap()));
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.1f" : v >= 10 ? "%.2f" : "%.3f", v);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }
}
