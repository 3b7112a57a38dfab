package io.normlab.autograd;

import io.normlab.tensor.Elementwise;
import io.normlab.tensor.Layout;
import io.normlab.tensor.Reductions;
import io.normlab.tensor.Shape;
import io.normlab.tensor.Tensor;
import java.util.Arrays;

/**
 * Differentiable sum and mean over chosen axes (no axes: all; negative axes count from the end).
 * The gradient is broadcast back over the reduced axes (and divided by the count for the mean).
 */
public final class Sums {
    private Sums() {}

    /** Sum over {@code axes}; d/dx_i = 1 for every element that was summed. */
    public static Var sum(Var x, boolean keepDim, int... axes) {
        return reduce(x, keepDim, axes, false);
    }

    /** Mean over {@code axes}; d/dx_i = 1/count, count = number of elements averaged per output. */
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
                int[] kept = keptShape(xs, axes);
                Tensor gk = g.reshape(kept);
                if (mean) gk = Elementwise.scale(gk, 1f / (Shape.numel(xs) / Math.max(1, Shape.numel(kept))));
                return new Tensor[] {Layout.broadcastTo(gk, xs)};
            }

            @Override public String name() { return mean ? "mean" : "sum"; }
        }.apply(x);
    }

    /** {@code shape} with the reduced axes set to 1 (the keepDim output shape); axes already validated by forward. */
    private static int[] keptShape(int[] shape, int[] axes) {
        int[] kept = shape.clone();
        if (axes.length == 0) Arrays.fill(kept, 1);
        for (int a : axes) kept[Math.floorMod(a, shape.length)] = 1;
        return kept;
    }
}
