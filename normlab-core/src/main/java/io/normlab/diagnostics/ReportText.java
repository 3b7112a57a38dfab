package io.normlab.diagnostics;

import java.util.Locale;
import java.util.Map;

/** {@link DiagnosticReport#toText()}: fixed-width tables, one finding per line. */
final class ReportText {
    private ReportText() {}

    static String render(DiagnosticReport r) {
        StringBuilder sb = new StringBuilder("NormLab gradient-flow diagnosis\n");
        for (Map.Entry<String, String> e : r.config().entrySet()) sb.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        sb.append("  seeds: ").append(r.seeds()).append('\n');
        DiagnosticReport.Run first = r.runs().get(0);
        Diagnosis d = first.last();
        sb.append("\nPer-layer statistics (seed ").append(first.seed()).append(", step ").append(d.step()).append(")\n");
        layerTable(d, sb);
        if (!d.hidden().isEmpty()) {
            sb.append("\nHidden layers (h_l = output of block l; ratios to the last hidden layer)\n");
            hiddenTable(d, sb);
        }
        if (d.nonFinite() != null) sb.append("\nFirst NaN/infinity: ").append(d.nonFinite().message()).append('\n');
        for (Diagnosis.TimeEvidence t : d.time()) {
            sb.append("\nThrough time '").append(t.gradients().name()).append("': ||dL/dh_t||, t = 0..").append(t.gradients().norms().length - 1).append(":");
            for (double v : t.gradients().norms()) sb.append(' ').append(Text.num(v));
            sb.append("\n  ratio first/last ").append(Text.num(t.ratio())).append(", factor per step ").append(Text.num(t.factor()))
                    .append(": ").append(t.verdict()).append('\n');
        }
        if (first.steps().size() > 1) {
            sb.append("\nSteps (seed ").append(first.seed()).append(")\n");
            for (Diagnosis s : first.steps()) {
                sb.append(String.format(Locale.ROOT, "  step %-6d %-10s act ratio %-10s weight ratio %-10s factor %s%n", s.step(), s.verdict(),
                        Text.num(s.actGradRatio()), Text.num(s.weightGradRatio()), Text.num(s.growthFactor())));
            }
        }
        sb.append("\nFirst/last hidden layer over ").append(r.runs().size()).append(r.runs().size() == 1 ? " seed" : " seeds")
                .append(" (median [min, max])\n");
        sb.append("  activation gradient ||dL/dh_1|| / ||dL/dh_L||: ").append(r.actGradRatio()).append('\n');
        sb.append("  weight gradient     ||dL/dW_1|| / ||dL/dW_L||: ").append(r.weightGradRatio()).append('\n');
        sb.append("  growth factor per layer (backward):           ").append(r.growthFactor()).append('\n');
        sb.append("\nVerdict: ").append(r.verdict());
        sb.append("  (per seed: ").append(r.verdictCounts()).append("; all verdicts of seed ").append(first.seed()).append(": ")
                .append(d.verdicts()).append(")\n");
        if (r.advice().isEmpty()) sb.append("\nNo advice: nothing to fix.\n");
        else {
            sb.append("\nAdvice\n");
            for (Advice a : r.advice()) sb.append("  - ").append(a.text()).append('\n');
        }
        return sb.toString();
    }

    /** {@link Diagnosis#summary()}. */
    static String summary(Diagnosis d) {
        StringBuilder sb = new StringBuilder(String.join(", ", d.verdicts().stream().map(Enum::name).toList()));
        if (!d.hidden().isEmpty()) {
            sb.append("  act-grad first/last ").append(Text.num(d.actGradRatio())).append("  weight-grad first/last ").append(Text.num(d.weightGradRatio()));
        }
        HiddenLayer worst = null;
        double share = 0;
        String what = "";
        for (HiddenLayer h : d.hidden()) {
            if (h.deadFraction() > share) { worst = h; share = h.deadFraction(); what = " dead "; }
            if (h.saturatedFraction() > share) { worst = h; share = h.saturatedFraction(); what = " saturated "; }
        }
        if (worst != null && share >= Diagnosis.NOTABLE_SHARE) sb.append("  (layer ").append(worst.index()).append(what).append(Text.pct(share)).append(')');
        for (Diagnosis.TimeEvidence t : d.time()) {
            sb.append("  through time '").append(t.gradients().name()).append("' first/last ").append(Text.num(t.ratio()))
                    .append(", factor ").append(Text.num(t.factor())).append("/step");
        }
        if (d.nonFinite() != null) sb.append("  first NaN/inf: ").append(d.nonFinite().message());
        return sb.toString();
    }

    private static void layerTable(Diagnosis d, StringBuilder sb) {
        String fmt = "  %-14s %-12s %10s %10s %6s %6s %11s %10s %11s %10s%n";
        sb.append(String.format(Locale.ROOT, fmt, "layer", "type", "act mean", "act std", "sat", "dead", "||dL/dy||", "||W||", "||dL/dW||", "update/W"));
        for (LayerStats s : d.rows()) {
            sb.append(String.format(Locale.ROOT, fmt, s.displayPath(), s.type(), Text.num(s.actMean()), Text.num(s.actStd()),
                    Text.pct(s.saturatedFraction()), Text.pct(s.deadFraction()), Text.num(s.actGradNorm()), dash(s.weightNorm()),
                    dash(s.weightGradNorm()), dash(s.updateRatio())));
        }
    }

    private static void hiddenTable(Diagnosis d, StringBuilder sb) {
        String fmt = "  %-4s %-14s %-10s %11s %10s %11s %10s %6s %6s  %s%n";
        sb.append(String.format(Locale.ROOT, fmt, "l", "output", "act", "||dL/dh||", "ratio", "||dL/dW||", "ratio", "sat", "dead", "verdict"));
        for (HiddenLayer h : d.hidden()) {
            sb.append(String.format(Locale.ROOT, fmt, h.index(), h.outputPath(), h.activation().isEmpty() ? "-" : h.activation(),
                    Text.num(h.actGradNorm()), Text.num(h.actRatio()), Text.num(h.weightGradNorm()), Text.num(h.weightRatio()),
                    Text.pct(h.saturatedFraction()), Text.pct(h.deadFraction()), h.verdict()));
        }
    }

    private static String dash(double v) {
        return Double.isNaN(v) ? "-" : Text.num(v);
    }
}
