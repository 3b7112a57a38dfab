package io.normlab.diagnostics;

import io.normlab.io.Json;
import java.util.List;
import java.util.Map;

/** {@link DiagnosticReport#toJson()}: one JSON object, built with a StringBuilder; NaN and infinities become null. */
final class ReportJson {
    private ReportJson() {}

    static String render(DiagnosticReport r) {
        StringBuilder sb = new StringBuilder("{\"config\":");
        config(r.config(), sb);
        sb.append(",\"seeds\":").append(r.seeds());
        sb.append(",\"summary\":{\"verdict\":").append(Json.quote(r.verdict().name()));
        sb.append(",\"actGradRatio\":"); spread(r.actGradRatio(), sb);
        sb.append(",\"weightGradRatio\":"); spread(r.weightGradRatio(), sb);
        sb.append(",\"growthFactor\":"); spread(r.growthFactor(), sb);
        sb.append("},\"runs\":[");
        for (int k = 0; k < r.runs().size(); k++) {
            DiagnosticReport.Run run = r.runs().get(k);
            if (k > 0) sb.append(',');
            sb.append("{\"seed\":").append(run.seed()).append(",\"steps\":[");
            for (int s = 0; s < run.steps().size(); s++) {
                if (s > 0) sb.append(',');
                diagnosis(run.steps().get(s), sb);
            }
            sb.append("]}");
        }
        sb.append("],\"advice\":[");
        for (int k = 0; k < r.advice().size(); k++) {
            Advice a = r.advice().get(k);
            if (k > 0) sb.append(',');
            sb.append("{\"finding\":").append(Json.quote(a.finding().name())).append(",\"layers\":").append(Json.quote(a.layers()))
                    .append(",\"evidence\":").append(Json.quote(a.evidence())).append(",\"fix\":").append(Json.quote(a.fix()))
                    .append(",\"references\":");
            strings(a.references(), sb);
            sb.append('}');
        }
        return sb.append("]}").toString();
    }

    /** A string map as a JSON object. */
    static void config(Map<String, String> config, StringBuilder sb) {
        sb.append('{');
        int i = 0;
        for (Map.Entry<String, String> e : config.entrySet()) {
            if (i++ > 0) sb.append(',');
            sb.append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
        }
        sb.append('}');
    }

    /** One diagnosis: verdicts, ratios, the first NaN, every per-layer row, the hidden layers, through-time evidence. */
    static void diagnosis(Diagnosis d, StringBuilder sb) {
        sb.append("{\"step\":").append(d.step()).append(",\"verdict\":").append(Json.quote(d.verdict().name())).append(",\"verdicts\":");
        strings(d.verdicts().stream().map(Enum::name).toList(), sb);
        field(sb, "actGradRatio", d.actGradRatio());
        field(sb, "weightGradRatio", d.weightGradRatio());
        field(sb, "growthFactor", d.growthFactor());
        field(sb, "weightGrowthFactor", d.weightGrowthFactor());
        field(sb, "maxSaturated", d.maxSaturated());
        field(sb, "maxDead", d.maxDead());
        sb.append(",\"nonFinite\":");
        NonFiniteEvent e = d.nonFinite();
        if (e == null) sb.append("null");
        else sb.append("{\"layerPath\":").append(quoteOrNull(e.layerPath())).append(",\"layerType\":").append(quoteOrNull(e.layerType()))
                .append(",\"step\":").append(e.step()).append(",\"phase\":").append(Json.quote(e.phase().name()))
                .append(",\"message\":").append(Json.quote(e.message())).append('}');
        sb.append(",\"layers\":[");
        for (int i = 0; i < d.rows().size(); i++) {
            LayerStats s = d.rows().get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"path\":").append(Json.quote(s.path())).append(",\"type\":").append(Json.quote(s.type()))
                    .append(",\"kind\":").append(Json.quote(s.kind().name())).append(",\"calls\":").append(s.calls());
            field(sb, "actMean", s.actMean());
            field(sb, "actStd", s.actStd());
            field(sb, "saturatedFraction", s.saturatedFraction());
            field(sb, "deadFraction", s.deadFraction());
            field(sb, "actGradNorm", s.actGradNorm());
            field(sb, "weightNorm", s.weightNorm());
            field(sb, "weightGradNorm", s.weightGradNorm());
            field(sb, "updateRatio", s.updateRatio());
            sb.append(",\"nonFinite\":").append(s.nonFinite()).append('}');
        }
        sb.append("],\"hidden\":[");
        for (int i = 0; i < d.hidden().size(); i++) {
            HiddenLayer h = d.hidden().get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"index\":").append(h.index()).append(",\"weightPath\":").append(Json.quote(h.weightPath()))
                    .append(",\"outputPath\":").append(Json.quote(h.outputPath())).append(",\"activation\":").append(Json.quote(h.activation()));
            field(sb, "actGradNorm", h.actGradNorm());
            field(sb, "weightGradNorm", h.weightGradNorm());
            field(sb, "actRatio", h.actRatio());
            field(sb, "weightRatio", h.weightRatio());
            field(sb, "saturatedFraction", h.saturatedFraction());
            field(sb, "deadFraction", h.deadFraction());
            sb.append(",\"verdict\":").append(Json.quote(h.verdict().name())).append('}');
        }
        sb.append("],\"time\":[");
        for (int i = 0; i < d.time().size(); i++) {
            Diagnosis.TimeEvidence t = d.time().get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"name\":").append(Json.quote(t.gradients().name())).append(",\"norms\":[");
            double[] n = t.gradients().norms();
            for (int k = 0; k < n.length; k++) {
                if (k > 0) sb.append(',');
                number(n[k], sb);
            }
            sb.append(']');
            field(sb, "ratio", t.ratio());
            field(sb, "factor", t.factor());
            sb.append(",\"verdict\":").append(Json.quote(t.verdict().name())).append('}');
        }
        sb.append("]}");
    }

    private static void spread(Spread s, StringBuilder sb) {
        sb.append("{\"median\":"); number(s.median(), sb);
        sb.append(",\"min\":"); number(s.min(), sb);
        sb.append(",\"max\":"); number(s.max(), sb);
        sb.append(",\"count\":").append(s.count()).append('}');
    }

    private static void field(StringBuilder sb, String name, double v) {
        sb.append(",\"").append(name).append("\":");
        number(v, sb);
    }

    /** A JSON number (shortest round-trip form of the double), or null when not finite. */
    private static void number(double v, StringBuilder sb) {
        if (Double.isFinite(v)) sb.append(v);
        else sb.append("null");
    }

    private static String quoteOrNull(String s) {
        return s == null ? "null" : Json.quote(s);
    }

    private static void strings(List<String> items, StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(Json.quote(items.get(i)));
        }
        sb.append(']');
    }
}
