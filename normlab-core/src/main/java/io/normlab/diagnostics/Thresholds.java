package io.normlab.diagnostics;

/**
 * The limits behind the {@link Verdict}s and the {@link Advisor}'s checks, with the reason for each.
 * Ratios compare the first hidden layer with the last one (see {@link Diagnosis}); the growth factor
 * is {@link Growth#backwardFactor}, the geometric-mean factor per layer going backward.
 */
public final class Thresholds {
    private Thresholds() {}

    /**
     * Vanishing when ||dL/dh_first|| / ||dL/dh_last|| (or the weight-gradient ratio) is below this:
     * with one learning rate, the first layer then moves more than 1000x slower than the last and in
     * practice does not train. Three orders of magnitude sit far from both regimes this library
     * shows: a 20-layer sigmoid MLP at PyTorch's default init gives about 6e-17, a He-initialised
     * ReLU MLP about 1.
     */
    public static final double VANISHING_RATIO = 1e-3;

    /** Exploding when the first/last ratio exceeds this: the mirror image of {@link #VANISHING_RATIO}. */
    public static final double EXPLODING_RATIO = 1e3;

    /**
     * Vanishing when the per-layer backward factor is below this over at least
     * {@link #MIN_LAYERS_FOR_FACTOR} hidden layers: 0.7^20 = 8e-4, so at the depths studied here
     * (20 layers) the factor rule agrees with {@link #VANISHING_RATIO}, and it flags a steady
     * per-layer shrinkage in a shallower net before it compounds. A He-initialised ReLU layer has an
     * expected factor of 1, a PyTorch-default sigmoid layer about 0.14 (sigmoid' &lt;= 1/4 times
     * the weight matrix's gain sqrt(1/3)).
     */
    public static final double VANISHING_FACTOR = 0.7;

    /** Exploding when the per-layer factor exceeds this (1.4^20 = 836, about {@link #EXPLODING_RATIO} at depth 20). */
    public static final double EXPLODING_FACTOR = 1.4;

    /**
     * The factor rules apply from this many hidden layers on: a slope fitted through fewer points is
     * dominated by the layer-to-layer noise of the norms (about 10% at width 64-256).
     */
    public static final int MIN_LAYERS_FOR_FACTOR = 5;

    /**
     * A sigmoid/tanh layer is saturated when more than this share of its outputs lies within 1% of a
     * bound. There the derivative is below 0.0099 (sigmoid, 25x below its peak) or 0.0199 (tanh, 50x
     * below): when most units are there, the layer passes back a small fraction of the gradient and
     * its units barely learn (Glorot and Bengio 2010 saw the top sigmoid layer pinned at 0).
     */
    public static final double SATURATED_FRACTION = 0.5;

    /**
     * A ReLU layer is dead when more than this share of its units is zero for the whole batch: a
     * dead unit passes no gradient and receives none, so it does not recover by itself. Some dead
     * units are normal: in a He-initialised 6-layer ReLU MLP about 10% of a deep layer's units are
     * silent on a batch of 128 (a deep layer's inputs are correlated across samples, so a unit's
     * negative offset can dominate), so the limit sits well above that.
     */
    public static final double DEAD_FRACTION = 0.5;

    /** A network of at least this many weight layers is "deep" for the saturating-without-normalization check. */
    public static final int DEEP_NETWORK = 10;

    /** BatchNorm with fewer samples per batch than this is noisy: Wu and He 2018 measure BN's error rising from batch 8 down. */
    public static final int SMALL_BATCH = 8;

    /**
     * Inputs are unstandardized when feature scales (max |x| per feature) differ by more than this
     * factor: {@link io.normlab.data.FeatureScales#RATIO_LIMIT}, the limit data loading warns at.
     */
    public static final double INPUT_SCALE_RATIO = io.normlab.data.FeatureScales.RATIO_LIMIT;

    /** ... or when a feature's |mean| exceeds this many of its standard deviations (a large constant offset). */
    public static final double INPUT_MEAN_TO_STD = 10;
}
