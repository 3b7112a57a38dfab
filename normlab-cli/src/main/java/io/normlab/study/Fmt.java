package io.normlab.study;

import io.normlab.diagnostics.Spread;
import java.util.Locale;

/** Number formatting for study texts: three significant digits, percentages for accuracies. */
public final class Fmt {
    private Fmt() {}

    /** Three significant digits, scientific outside [1e-3, 1e5); "n/a" for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) return "n/a";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e5 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.2e", v);
    }

    /** A value in {@code unit}: "%" takes a fraction (0.913 -&gt; "91.3%"), others are appended. */
    public static String value(double v, String unit) {
        if (Double.isNaN(v)) return "n/a";
        if ("%".equals(unit)) return String.format(Locale.ROOT, "%.1f%%", 100 * v);
        return num(v) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** "91.3% [88.0%, 93.1%]": median and range over seeds; the median alone for one value. */
    public static String spread(Spread s, String unit) {
        if (s.count() == 0) return "n/a";
        if (s.count() == 1 || s.min() == s.max()) return value(s.median(), unit);
        if ("%".equals(unit)) {
            return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * s.median(), 100 * s.min(), 100 * s.max());
        }
        return num(s.median()) + " [" + num(s.min()) + ", " + num(s.max()) + "]" + (unit.isEmpty() ? "" : " " + unit);
    }

    /** A difference of fractions in percentage points, signed: "+12.3 pt". */
    public static String points(double deltaFraction) {
        return Double.isNaN(deltaFraction) ? "n/a" : String.format(Locale.ROOT, "%+.1f pt", 100 * deltaFraction);
    }
}
