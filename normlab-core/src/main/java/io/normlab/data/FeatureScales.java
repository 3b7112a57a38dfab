package io.normlab.data;

import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.Locale;

/**
 * The scale of each input feature, {@code s_j = max_n |x[n, j]|} over the samples n of (N, ...)
 * features (every position of the sample shape is a feature), and the check that scales differ by
 * orders of magnitude: {@code ratio = max_j s_j / min_j s_j} over the features with {@code s_j > 0},
 * flagged above {@link #RATIO_LIMIT}. The one definition of "unstandardized inputs" in NormLab:
 * {@link Standardizer#scaleWarning} and the diagnostics advisor both use it.
 *
 * <p>Why the largest magnitude and not the standard deviation: the scale check asks whether some
 * features are on a different scale from others (a feature in the thousands next to one in
 * thousandths makes the first layer's gradient follow the large one). The magnitude is what the
 * first layer actually multiplies. A standard deviation also drops for a feature that is nearly
 * constant, which is not a scale problem: in the UCI digits, a border pixel that is blank in all
 * but a few images has a std about 300 times smaller than a central pixel's, yet both range over
 * the same 0..16 ink levels; a std-based check would flag the digits, whose pixels share one scale,
 * and this one does not (ratio 16). After standardization the magnitude ratio is at most about
 * {@code sqrt(N)} (a rare spike), under the limit for training sets below 10,000 samples.
 * All-zero features have no scale and are left out.
 *
 * @param magnitudes {@code max_n |x[n, j]|} per feature j (row-major sample positions)
 */
public record FeatureScales(float[] magnitudes) {
    /** Scales differ when the ratio exceeds this: two orders of magnitude. */
    public static final double RATIO_LIMIT = 100;

    public FeatureScales {
        magnitudes = magnitudes.clone();
    }

    /** The scales of {@code features} (N, ...), N &gt;= 0. */
    public static FeatureScales of(Tensor features) {
        if (features.rank() < 2) throw new ShapeException("FeatureScales.of: expected (N, ...) features, got " + Shape.str(features.shape()));
        int n = features.size(0), f = n == 0 ? 0 : features.numel() / n;
        float[] x = features.data(), mag = new float[f];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < f; j++) mag[j] = Math.max(mag[j], Math.abs(x[i * f + j]));
        }
        return new FeatureScales(mag);
    }

    @Override
    public float[] magnitudes() {
        return magnitudes.clone();
    }

    /** Index of the feature with the largest scale, -1 when every feature is all zero. */
    public int largest() {
        int hi = -1;
        for (int j = 0; j < magnitudes.length; j++) if (magnitudes[j] > 0 && (hi < 0 || magnitudes[j] > magnitudes[hi])) hi = j;
        return hi;
    }

    /** Index of the feature with the smallest non-zero scale, -1 when every feature is all zero. */
    public int smallest() {
        int lo = -1;
        for (int j = 0; j < magnitudes.length; j++) if (magnitudes[j] > 0 && (lo < 0 || magnitudes[j] < magnitudes[lo])) lo = j;
        return lo;
    }

    /** Largest over smallest non-zero scale; 1 when fewer than two features are non-zero. */
    public double ratio() {
        int hi = largest();
        return hi < 0 ? 1 : magnitudes[hi] / (double) magnitudes[smallest()];
    }

    /** True when {@link #ratio()} exceeds {@link #RATIO_LIMIT}. */
    public boolean differ() {
        return ratio() > RATIO_LIMIT;
    }

    /** "feature scales differ by a factor of 1.25e+05 (largest |x| 4254 in feature 23, smallest 0.034 in feature 9)". */
    public String describe() {
        int hi = largest(), lo = smallest();
        if (hi < 0) return "all features are zero";
        return String.format(Locale.ROOT, "feature scales differ by a factor of %.3g (largest |x| %.4g in feature %d, smallest %.4g in feature %d)",
                ratio(), magnitudes[hi], hi, magnitudes[lo], lo);
    }
}
