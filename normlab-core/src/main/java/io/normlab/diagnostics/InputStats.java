package io.normlab.diagnostics;

import io.normlab.data.FeatureScales;
import io.normlab.tensor.Reductions;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;

/**
 * Per-feature statistics of a model's input, for the advisor's standardization checks. Features
 * are the positions of the sample shape of (N, ...) data.
 *
 * @param means  per-feature mean (the centring check: |mean| against std)
 * @param stds   per-feature (population) standard deviation, same length
 * @param scales per-feature scale max |x| (the scale check; see {@link FeatureScales} for why not the std)
 */
public record InputStats(float[] means, float[] stds, FeatureScales scales) {
    public InputStats {
        if (means.length != stds.length || means.length != scales.magnitudes().length) {
            throw new IllegalArgumentException("InputStats: " + means.length + " means, " + stds.length + " standard deviations and "
                    + scales.magnitudes().length + " scales");
        }
        means = means.clone();
        stds = stds.clone();
    }

    /** Means and population standard deviations over dimension 0 of {@code features} (N, ...), N &gt;= 1. */
    public static InputStats of(Tensor features) {
        if (features.rank() < 2 || features.size(0) < 1) {
            throw new ShapeException("InputStats.of: expected (N, ...) features with N >= 1, got " + Shape.str(features.shape()));
        }
        Tensor flat = features.reshape(features.size(0), features.numel() / features.size(0));
        float[] var = Reductions.var(flat, false, false, 0).data();
        float[] std = new float[var.length];
        for (int i = 0; i < var.length; i++) std[i] = (float) Math.sqrt(var[i]);
        return new InputStats(Reductions.mean(flat, false, 0).data(), std, FeatureScales.of(flat));
    }

    @Override
    public float[] means() {
        return means.clone();
    }

    @Override
    public float[] stds() {
        return stds.clone();
    }
}
