package io.normlab.diagnostics;

import java.util.List;
import java.util.Locale;

/** Number and range formatting shared by the advisor and the report renderers. */
final class Text {
    private Text() {}

    /** Three significant digits; "nan", "inf" spelled out. */
    static String num(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.2e", v);
    }

    /** A share as a percentage, "94%". */
    static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** Sorted ints compressed into ranges: [1, 2, 3, 7] -&gt; "1-3, 7". */
    static String ranges(List<Integer> sorted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) j++;
            if (sb.length() > 0) sb.append(", ");
            sb.append(sorted.get(i));
            if (j > i) sb.append('-').append(sorted.get(j));
            i = j + 1;
        }
        return sb.toString();
    }

    /** "layer 3" or "layers 1-3, 7". */
    static String layers(List<Integer> sorted) {
        return (sorted.size() == 1 ? "layer " : "layers ") + ranges(sorted);
    }

    /** Module paths quoted and joined, at most {@code max} then "...". */
    static String paths(List<String> paths, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < paths.size() && i < max; i++) {
            if (i > 0) sb.append(", ");
            sb.append('\'').append(paths.get(i)).append('\'');
        }
        if (paths.size() > max) sb.append(", ... (").append(paths.size()).append(" in all)");
        return sb.toString();
    }
}
