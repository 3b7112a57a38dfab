package io.normlab.data;

import io.normlab.tensor.Elementwise;
import io.normlab.tensor.Reductions;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.Arrays;
import java.util.Optional;

/**
 * Per-feature standardization {@code x' = (x - mean) / std}, fitted on training data and applied
 * to any data of the same sample shape (fit on the training part only, so no validation statistics
 * leak into training).
 *
 * <p>For features of shape (N, ...), every position of the sample shape is its own feature: mean
 * and std are taken over dimension 0 only. The std is the biased (population) one, as
 * scikit-learn's StandardScaler; a constant feature (std 0) is only centred (std taken as 1).
 */
public final class Standardizer {
    private final Tensor mean;
    private final Tensor std;

    private Standardizer(Tensor mean, Tensor std) {
        this.mean = mean;
        this.std = std;
    }

    /** Fits mean and std per feature over dimension 0 of {@code features} (N, ...), N >= 1. */
    public static Standardizer fit(Tensor features) {
        if (features.rank() < 2 || features.size(0) < 1) {
            throw new ShapeException("Standardizer.fit: expected (N, ...) features with N >= 1, got " + Shape.str(features.shape()));
        }
        Tensor mean = Reductions.mean(features, false, 0);
        Tensor std = Elementwise.map(Reductions.var(features, false, false, 0), v -> v > 0 ? (float) Math.sqrt(v) : 1f);
        return new Standardizer(mean, std);
    }

    /** Fits on {@code train}'s features. */
    public static Standardizer fit(Dataset train) {
        return fit(train.features());
    }

    /** {@code (x - mean) / std} for {@code x} of shape (N, ...) with this sample shape; a new tensor. */
    public Tensor apply(Tensor x) {
        int[] s = x.shape();
        if (s.length != mean.rank() + 1 || !Arrays.equals(Arrays.copyOfRange(s, 1, s.length), mean.shape())) {
            throw ShapeException.of("Standardizer.apply", "sample shape differs from the fitted one", mean.shape(), s);
        }
        return Elementwise.div(Elementwise.sub(x, mean), std);
    }

    /** The data set with standardized features (provenance notes it). */
    public Dataset apply(Dataset d) {
        return d.withFeatures(apply(d.features()), "standardized with training mean/std");
    }

    /** Per-feature means, shape = sample shape (a copy). */
    public Tensor mean() {
        return mean.copy();
    }

    /** Per-feature standard deviations (1 for constant features), shape = sample shape (a copy). */
    public Tensor std() {
        return std.copy();
    }

    /** The spread of feature scales, {@link FeatureScales#ratio()}: largest max|x| over the smallest non-zero one. */
    public static double scaleRatio(Tensor features) {
        return FeatureScales.of(features).ratio();
    }

    /**
     * A warning when feature scales differ by more than {@link FeatureScales#RATIO_LIMIT} (see
     * {@link FeatureScales}), naming the largest and smallest features; empty otherwise.
     */
    public static Optional<String> scaleWarning(Tensor features) {
        FeatureScales scales = FeatureScales.of(features);
        if (!scales.differ()) return Optional.empty();
        return Optional.of(scales.describe() + ": the first layer's gradients are dominated by the large features; standardize the inputs");
    }
}
