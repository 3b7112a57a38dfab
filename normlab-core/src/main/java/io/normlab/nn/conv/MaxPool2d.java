package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;

/**
 * Max pooling, PyTorch's {@code nn.MaxPool2d}: (N, C, H, W) to (N, C, oH, oW), each output the
 * maximum of its window; padding is never selected. See {@link PoolOps#maxPool2d}.
 */
public final class MaxPool2d extends Module {
    private final PoolSpec spec;

    /** Kernel {@code k}, stride {@code k}, no padding. */
    public MaxPool2d(int k) {
        this(PoolSpec.of(k));
    }

    public MaxPool2d(PoolSpec spec) {
        this.spec = spec;
    }

    @Override
    protected Var compute(Var x) {
        return PoolOps.maxPool2d(x, spec);
    }

    @Override
    protected String describe() {
        return spec.describe();
    }
}
