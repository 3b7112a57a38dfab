package io.normlab.nn.norm;

/**
 * The optional settings of the batch-statistics layers (BatchNorm, InstanceNorm, Batch
 * Renormalization, Switchable and Batch-Instance Normalization), with PyTorch's defaults.
 *
 * @param eps               added to the variance inside the square root (default 1e-5)
 * @param momentum          weight of the new batch in {@code running = (1 - m) running + m batch}
 *                          (default 0.1); {@code null} means a cumulative moving average,
 *                          {@code m = 1 / num_batches_tracked}, as in PyTorch
 * @param affine            learn a per-channel scale (weight, init 1) and shift (bias, init 0)
 * @param trackRunningStats keep running_mean, running_var and num_batches_tracked buffers and use
 *                          them in eval mode; without them batch statistics are used in both modes
 */
public record NormOptions(float eps, Float momentum, boolean affine, boolean trackRunningStats) {
    public NormOptions {
        if (!(eps >= 0f)) throw new IllegalArgumentException("eps must be >= 0, got " + eps);
        if (momentum != null && !(momentum >= 0f && momentum <= 1f)) {
            throw new IllegalArgumentException("momentum must be in [0, 1] or null (cumulative average), got " + momentum);
        }
    }

    /** BatchNorm's defaults: eps 1e-5, momentum 0.1, affine, tracking running statistics. */
    public static NormOptions batchNorm() {
        return new NormOptions(1e-5f, 0.1f, true, true);
    }

    /** InstanceNorm's defaults: eps 1e-5, momentum 0.1, no affine, no running statistics. */
    public static NormOptions instanceNorm() {
        return new NormOptions(1e-5f, 0.1f, false, false);
    }

    public NormOptions withEps(float newEps) {
        return new NormOptions(newEps, momentum, affine, trackRunningStats);
    }

    /** {@code null} selects the cumulative moving average. */
    public NormOptions withMomentum(Float newMomentum) {
        return new NormOptions(eps, newMomentum, affine, trackRunningStats);
    }

    public NormOptions withAffine(boolean on) {
        return new NormOptions(eps, momentum, on, trackRunningStats);
    }

    public NormOptions withTrackRunningStats(boolean on) {
        return new NormOptions(eps, momentum, affine, on);
    }

    /** PyTorch-style summary for {@code Module.describe()}. */
    String describe() {
        return "eps=" + eps + ", momentum=" + momentum + ", affine=" + affine + ", track_running_stats=" + trackRunningStats;
    }
}
