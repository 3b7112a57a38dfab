package io.normlab.cli;

import io.normlab.diagnostics.DiagnosticReport;
import io.normlab.models.Activation;
import io.normlab.models.MlpSpec;
import io.normlab.models.NormKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code normlab diagnose --batch-size 128,8,4}: one report per batch size and a summary of how
 * the backward growth factor depends on the batch. For a linear network with BatchNorm after
 * each Linear, Yang et al. (2019, "A Mean Field Theory of Batch Normalization") predict that at
 * initialization the squared gradient norm grows by about (B-2)/(B-3) per layer going backward,
 * i.e. a factor sqrt((B-2)/(B-3)) in norm, which is shown beside the measured factor (only for that
 * architecture; with ReLU the growth is larger and the formula does not apply).
 */
final class BatchSweep {
    record Entry(int batchSize, DiagnosticReport report) {}

    private BatchSweep() {}

    /** sqrt((B-2)/(B-3)) for a linear BatchNorm MLP and B &gt; 3, infinity for B &lt;= 3; NaN for other architectures. */
    static double yangFactor(MlpSpec mlp, int batch) {
        if (mlp.norm() != NormKind.BATCH || mlp.activation() != Activation.IDENTITY) return Double.NaN;
        return batch <= 3 ? Double.POSITIVE_INFINITY : Math.sqrt((batch - 2.0) / (batch - 3.0));
    }

    static String toText(List<Entry> entries, MlpSpec mlp) {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append("=== batch size ").append(e.batchSize()).append(" ===\n").append(e.report().toText()).append('\n');
        }
        int seeds = entries.get(0).report().runs().size();
        sb.append("Batch-size sweep (median [min, max] over ").append(seeds).append(seeds == 1 ? " seed)\n" : " seeds)\n");
        String fmt = "  %-6s %-10s %-30s %-28s %-26s %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "batch", "verdict", "||dL/dh_1|| / ||dL/dh_L||", "||dL/dW_1|| / ||dL/dW_L||",
                "growth factor per layer", "Yang et al. 2019 (linear BN)"));
        for (Entry e : entries) {
            double y = yangFactor(mlp, e.batchSize());
            sb.append(String.format(Locale.ROOT, fmt, e.batchSize(), e.report().verdict(), e.report().actGradRatio(), e.report().weightGradRatio(),
                    e.report().growthFactor(), Double.isNaN(y) ? "-" : String.format(Locale.ROOT, "%.4f", y)));
        }
        if (Double.isNaN(yangFactor(mlp, 128))) {
            sb.append("  (the Yang et al. prediction sqrt((B-2)/(B-3)) per layer is for a linear net with BatchNorm after each Linear)\n");
        }
        return sb.toString();
    }

    static String toJson(List<Entry> entries, MlpSpec mlp) {
        StringBuilder sb = new StringBuilder("{\"sweep\":[");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (i > 0) sb.append(',');
            double y = yangFactor(mlp, e.batchSize());
            sb.append("{\"batchSize\":").append(e.batchSize()).append(",\"yangFactor\":").append(Double.isFinite(y) ? Double.toString(y) : "null")
                    .append(",\"report\":").append(e.report().toJson()).append('}');
        }
        return sb.append("]}\n").toString();
    }

    /** "VANISHING" or "batch 128 HEALTHY, batch 4 EXPLODING". */
    static String verdicts(List<Entry> entries) {
        if (entries.size() == 1) return "verdict " + entries.get(0).report().verdict();
        return "verdicts: " + entries.stream().map(e -> "batch " + e.batchSize() + " " + e.report().verdict()).collect(Collectors.joining(", "));
    }
}
