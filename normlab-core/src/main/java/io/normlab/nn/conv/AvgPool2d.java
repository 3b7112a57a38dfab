package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;

/**
 * Average pooling, PyTorch's {@code nn.AvgPool2d}: (N, C, H, W) to (N, C, oH, oW), each output
 * the window sum divided by the window size; with {@code countIncludePad} (the default, as in
 * PyTorch) zero padding counts in the divisor. See {@link PoolOps#avgPool2d}.
 */
public final class AvgPool2d extends Module {
    private final PoolSpec spec;
    private final boolean countIncludePad;

    /** Kernel {@code k}, stride {@code k}, no padding. */
    public AvgPool2d(int k) {
        this(PoolSpec.of(k), true);
    }

    public AvgPool2d(PoolSpec spec, boolean countIncludePad) {
        this.spec = spec;
        this.countIncludePad = countIncludePad;
    }

    @Override
    protected Var compute(Var x) {
        return PoolOps.avgPool2d(x, spec, countIncludePad);
    }

    @Override
    protected String describe() {
        return spec.describe() + (countIncludePad ? "" : ", count_include_pad=false");
    }
}
