package io.normlab.nn.norm;

/**
 * BatchNorm over (N, C, H, W) inputs: statistics per channel over N*H*W values. Everything else as
 * {@link BatchNorm}: biased batch variance to normalize, unbiased into running_var,
 * {@code running = (1 - momentum) running + momentum batch}, running statistics in eval.
 * Defaults eps 1e-5, momentum 0.1, affine, tracking. Ioffe &amp; Szegedy 2015.
 */
public final class BatchNorm2d extends BatchNorm {
    /** PyTorch's defaults ({@link NormOptions#batchNorm()}). */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, NormOptions.batchNorm());
    }

    public BatchNorm2d(int numFeatures, NormOptions options) {
        super("BatchNorm2d", numFeatures, options, 4);
    }
}
