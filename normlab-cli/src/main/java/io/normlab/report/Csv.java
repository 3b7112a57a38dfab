package io.normlab.report;

import io.normlab.study.Chart;
import io.normlab.study.Effect;
import io.normlab.study.HeatMap;
import io.normlab.study.Series;
import io.normlab.study.StudyResult;
import java.util.Locale;

/**
 * The numbers behind a chart (or a study's effects) as CSV: for curves one row per point
 * ({@code series,x,median,min,max}), for heat maps one row per cell ({@code step,layer,value}),
 * for effects one row per measured quantity with its per-seed values. Empty cells are NaN.
 */
public final class Csv {
    private Csv() {}

    public static String of(Chart c) {
        StringBuilder sb = new StringBuilder();
        if (c.kind() == Chart.Kind.HEATMAP) {
            HeatMap h = c.heat();
            sb.append("step,layer,").append(quote(h.zLabel())).append('\n');
            for (int l = 0; l < h.layers().length; l++) {
                for (int j = 0; j < h.steps().length; j++) {
                    sb.append(num(h.steps()[j])).append(',').append(num(h.layers()[l])).append(',').append(num(h.values()[l][j])).append('\n');
                }
            }
            return sb.toString();
        }
        sb.append("series,").append(quote(c.x().label())).append(",median,min,max\n");
        for (Series s : c.series()) {
            for (int i = 0; i < s.x().length; i++) {
                sb.append(quote(s.name())).append(',').append(num(s.x()[i])).append(',').append(num(s.y()[i])).append(',')
                        .append(s.hasBand() ? num(s.lo()[i]) : "").append(',').append(s.hasBand() ? num(s.hi()[i]) : "").append('\n');
            }
        }
        return sb.toString();
    }

    /** One row per effect: id, label, unit, median, min, max, then seed_1..seed_n. */
    public static String effects(StudyResult r) {
        StringBuilder sb = new StringBuilder("id,label,unit,median,min,max");
        for (long s : r.provenance().seeds()) sb.append(",seed_").append(s);
        sb.append('\n');
        for (Effect e : r.effects()) {
            sb.append(quote(e.id())).append(',').append(quote(e.label())).append(',').append(quote(e.unit())).append(',')
                    .append(num(e.spread().median())).append(',').append(num(e.spread().min())).append(',').append(num(e.spread().max()));
            for (double v : e.perSeed()) sb.append(',').append(num(v));
            sb.append('\n');
        }
        return sb.toString();
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
