package io.normlab.nn.norm;

/**
 * InstanceNorm over (N, C, L) or unbatched (C, L) inputs: statistics per (n, c) over L values,
 * biased variance. See {@link InstanceNorm} for running statistics. Defaults eps 1e-5, momentum
 * 0.1, affine false, track_running_stats false. Ulyanov, Vedaldi &amp; Lempitsky 2016.
 */
public final class InstanceNorm1d extends InstanceNorm {
    /** PyTorch's defaults ({@link NormOptions#instanceNorm()}). */
    public InstanceNorm1d(int numFeatures) {
        this(numFeatures, NormOptions.instanceNorm());
    }

    public InstanceNorm1d(int numFeatures, NormOptions options) {
        super("InstanceNorm1d", numFeatures, options, 3);
    }
}
