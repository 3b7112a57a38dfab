package io.normlab.nn.norm;

/**
 * BatchNorm over (N, C) or (N, C, L) inputs: statistics per channel over N (and L), i.e. over
 * N*L values. Everything else as {@link BatchNorm}: biased batch variance to normalize, unbiased
 * into running_var, {@code running = (1 - momentum) running + momentum batch}, running statistics
 * in eval. Defaults eps 1e-5, momentum 0.1, affine, tracking. Ioffe &amp; Szegedy 2015.
 */
public final class BatchNorm1d extends BatchNorm {
    /** PyTorch's defaults ({@link NormOptions#batchNorm()}). */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, NormOptions.batchNorm());
    }

    public BatchNorm1d(int numFeatures, NormOptions options) {
        super("BatchNorm1d", numFeatures, options, 2, 3);
    }
}
