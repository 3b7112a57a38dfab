package io.normlab.nn.norm;

/**
 * InstanceNorm over (N, C, H, W) or unbatched (C, H, W) inputs: statistics per (n, c) over H*W
 * values, biased variance. See {@link InstanceNorm} for running statistics. Defaults eps 1e-5,
 * momentum 0.1, affine false, track_running_stats false. Ulyanov, Vedaldi &amp; Lempitsky 2016.
 */
public final class InstanceNorm2d extends InstanceNorm {
    /** PyTorch's defaults ({@link NormOptions#instanceNorm()}). */
    public InstanceNorm2d(int numFeatures) {
        this(numFeatures, NormOptions.instanceNorm());
    }

    public InstanceNorm2d(int numFeatures, NormOptions options) {
        super("InstanceNorm2d", numFeatures, options, 4);
    }
}
