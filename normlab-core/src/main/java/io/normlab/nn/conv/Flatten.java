package io.normlab.nn.conv;

import io.normlab.autograd.Var;
import io.normlab.nn.Module;
import io.normlab.tensor.Shape;
import io.normlab.tensor.ShapeException;

/**
 * Flattens dimensions {@code startDim..endDim} (inclusive, negative counts from the end) into one,
 * PyTorch's {@code nn.Flatten} with its defaults start 1, end -1: (N, C, H, W) to (N, C*H*W).
 * A reshape: the gradient is reshaped back.
 */
public final class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens everything but the batch dimension. */
    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    protected Var compute(Var x) {
        int[] s = x.shape();
        int a = Shape.axis("flatten", startDim, s.length), b = Shape.axis("flatten", endDim, s.length);
        if (a > b) throw new ShapeException("flatten: start_dim " + startDim + " after end_dim " + endDim + " for shape " + Shape.str(s));
        int[] out = new int[s.length - (b - a)];
        for (int i = 0; i < a; i++) out[i] = s[i];
        int merged = 1;
        for (int i = a; i <= b; i++) merged *= s[i];
        out[a] = merged;
        for (int i = b + 1; i < s.length; i++) out[i - (b - a)] = s[i];
        return x.reshape(out);
    }

    @Override
    protected String describe() {
        return startDim == 1 && endDim == -1 ? "" : "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
