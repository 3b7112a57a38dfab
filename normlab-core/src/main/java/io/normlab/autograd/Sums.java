package io.normlab.autograd;

import io.normlab.tensor.Elementwise;
import io.normlab.tensor.Layout;
import io.normlab.tensor.Reductions;
import io.normlab.tensor.Tensor;

/** Differentiable sum and mean over chosen axes (no axes: all). The gradient is broadcast back. */
public final class Sums {
    private Sums() {}

    /** Sum over {@code axes}; d/dx_i = 1 for every element that was summed. */
    public static Var sum(Var x, boolean keepDim, int... axes) {
        return reduce(x, keepDim, axes, false);
    }

    /** Mean over {@code axes}; d/dx_i = 1/count. */
    public static Var mean(Var x, boolean keepDim, int... axes) {
        return reduce(x, keepDim, axes, true);
    }

    private static Var reduce(Var x, boolean keepDim, int[] axes, boolean mean) {
        int[] xs = x.shape();
        return new Function() {
            @Override protected Tensor forward(Tensor... in) {
                return mean ? Reductions.mean(in[0], keepDim, axes) : Reductions.sum(in[0], keepDim, axes);
            }

            @Override protected Tensor[] backward(Tensor g) {
                int[] kept = Reductions.sum(Tensor.zeros(xs), true, axes).shape();
                Tensor gx = Layout.broadcastTo(g.reshape(kept), xs);
                if (mean) {
                    int count = Math.max(1, x.value().numel() / Math.max(1, g.numel()));
                    gx = Elementwise.scale(gx, 1f / count);
                }
                return new Tensor[] {gx};
            }

            @Override public String name() { return mean ? "mean" : "sum"; }
        }.apply(x);
    }
}
