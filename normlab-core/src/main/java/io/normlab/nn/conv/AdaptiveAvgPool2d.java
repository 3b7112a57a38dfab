package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;

/**
 * Adaptive average pooling, PyTorch's {@code nn.AdaptiveAvgPool2d}: (N, C, H, W) to
 * (N, C, outH, outW), output cell (i, j) averaging input rows {@code [floor(i*H/outH),
 * ceil((i+1)*H/outH))} and likewise columns. {@link #global()} (output 1x1) is global average
 * pooling, the head of a ResNet.
 */
public final class AdaptiveAvgPool2d extends Module {
    private final int outH;
    private final int outW;

    public AdaptiveAvgPool2d(int outH, int outW) {
        if (outH < 1 || outW < 1) throw new IllegalArgumentException("AdaptiveAvgPool2d: output size must be positive, got " + outH + "x" + outW);
        this.outH = outH;
        this.outW = outW;
    }

    /** Global average pooling: output (N, C, 1, 1). */
    public static AdaptiveAvgPool2d global() {
        return new AdaptiveAvgPool2d(1, 1);
    }

    @Override
    protected Var compute(Var x) {
        return PoolOps.adaptiveAvgPool2d(x, outH, outW);
    }

    @Override
    protected String describe() {
        return "output=" + (outH == outW ? Integer.toString(outH) : "(" + outH + ", " + outW + ")");
    }
}
