package io.normlab.tensor;

import java.util.Arrays;

/**
 * Reductions over chosen axes: sum, mean, max, variance; and {@link #sumToShape}, which undoes
 * broadcasting (the gradient of a broadcast). Axes may be negative; no axes means all axes.
 * Sums accumulate in double in row-major input order, so results do not depend on threads.
 */
public final class Reductions {
    private Reductions() {}

    /** Sum of all elements as a rank-0 tensor. */
    public static Tensor sumAll(Tensor t) {
        double s = 0;
        for (float v : t.data()) s += v;
        return Tensor.scalar((float) s);
    }

    /** Sum over {@code axes}; {@code keepDim} keeps them as size 1. */
    public static Tensor sum(Tensor t, boolean keepDim, int... axes) {
        boolean[] red = reduced("sum", t.rank(), axes);
        double[] acc = new double[Shape.numel(outShape(t.shape(), red, true))];
        accumulate(t, red, acc, Mode.SUM, null);
        return finish(t.shape(), red, keepDim, acc, 1.0);
    }

    /** Mean over {@code axes}. */
    public static Tensor mean(Tensor t, boolean keepDim, int... axes) {
        boolean[] red = reduced("mean", t.rank(), axes);
        double[] acc = new double[Shape.numel(outShape(t.shape(), red, true))];
        accumulate(t, red, acc, Mode.SUM, null);
        int count = acc.length == 0 ? 1 : t.numel() / acc.length;
        return finish(t.shape(), red, keepDim, acc, 1.0 / count);
    }

    /** Maximum over {@code axes} (NaN propagates). */
    public static Tensor max(Tensor t, boolean keepDim, int... axes) {
        boolean[] red = reduced("max", t.rank(), axes);
        double[] acc = new double[Shape.numel(outShape(t.shape(), red, true))];
        Arrays.fill(acc, Double.NEGATIVE_INFINITY);
        accumulate(t, red, acc, Mode.MAX, null);
        return finish(t.shape(), red, keepDim, acc, 1.0);
    }

    /**
     * Variance over {@code axes} by two passes in double (the mean, then the mean squared deviation
     * from that double mean), dividing by {@code count - 1} when {@code unbiased}, else by
     * {@code count}; never E[x^2] - E[x]^2, so a large common offset costs no accuracy. An unbiased
     * variance of a single element is NaN (0/0), as in PyTorch.
     */
    public static Tensor var(Tensor t, boolean unbiased, boolean keepDim, int... axes) {
        boolean[] red = reduced("var", t.rank(), axes);
        double[] mean = new double[Shape.numel(outShape(t.shape(), red, true))];
        accumulate(t, red, mean, Mode.SUM, null);
        int count = mean.length == 0 ? 1 : t.numel() / mean.length;
        for (int i = 0; i < mean.length; i++) mean[i] /= count;
        double[] acc = new double[mean.length];
        accumulate(t, red, acc, Mode.SQUARED_DEVIATION, mean);
        return finish(t.shape(), red, keepDim, acc, 1.0 / (unbiased ? count - 1 : count));
    }

    /**
     * Sums {@code t} down to {@code shape}, the inverse of broadcasting {@code shape} up to
     * {@code t.shape()}: leading extra dims are summed away, dims of size 1 in {@code shape} summed
     * with keepDim.
     */
    public static Tensor sumToShape(Tensor t, int[] shape) {
        int[] ts = t.shape();
        if (Arrays.equals(ts, shape)) return t;
        int lead = ts.length - shape.length;
        if (lead < 0) throw ShapeException.of("sumToShape", "target has higher rank", ts, shape);
        int[] axes = new int[ts.length];
        int k = 0;
        for (int d = 0; d < ts.length; d++) {
            if (d < lead) axes[k++] = d;
            else if (shape[d - lead] == 1 && ts[d] != 1) axes[k++] = d;
            else if (shape[d - lead] != ts[d]) throw ShapeException.of("sumToShape", "not a broadcast of the target", ts, shape);
        }
        if (k == 0) return t.reshape(shape);
        return sum(t, true, Arrays.copyOf(axes, k)).reshape(shape);
    }

    private static boolean[] reduced(String op, int rank, int[] axes) {
        boolean[] red = new boolean[rank];
        if (axes.length == 0) {
            Arrays.fill(red, true);
            return red;
        }
        for (int a : axes) {
            int ax = Shape.axis(op, a, rank);
            if (red[ax]) throw new ShapeException(op + ": axis " + a + " given twice");
            red[ax] = true;
        }
        return red;
    }

    private static int[] outShape(int[] shape, boolean[] red, boolean keepDim) {
        int n = 0;
        for (int d = 0; d < shape.length; d++) if (!red[d] || keepDim) n++;
        int[] out = new int[n];
        int k = 0;
        for (int d = 0; d < shape.length; d++) {
            if (!red[d]) out[k++] = shape[d];
            else if (keepDim) out[k++] = 1;
        }
        return out;
    }

    private enum Mode { SUM, MAX, SQUARED_DEVIATION }

    /**
     * Folds every element of {@code t} into {@code acc[o]}, o its index in the keepDim output, in
     * row-major input order. SQUARED_DEVIATION adds {@code (x - center[o])^2}.
     */
    private static void accumulate(Tensor t, boolean[] red, double[] acc, Mode mode, double[] center) {
        int[] shape = t.shape();
        int rank = shape.length;
        float[] x = t.data();
        int[] outStrides = Shape.strides(outShape(shape, red, true));
        int inner = rank == 0 ? 1 : shape[rank - 1];
        int incO = rank == 0 || red[rank - 1] ? 0 : 1;
        int rows = inner == 0 ? 0 : x.length / inner;
        for (int r = 0; r < rows; r++) {
            int o = 0, rem = r;
            for (int d = rank - 2; d >= 0; d--) {
                int i = rem % shape[d];
                rem /= shape[d];
                if (!red[d]) o += i * outStrides[d];
            }
            int base = r * inner;
            switch (mode) {
                case MAX:
                    for (int j = 0; j < inner; j++) {
                        int oi = o + j * incO;
                        float v = x[base + j];
                        if (Float.isNaN(v) || v > acc[oi]) acc[oi] = Double.isNaN(acc[oi]) ? acc[oi] : v;
                    }
                    break;
                case SQUARED_DEVIATION:
                    for (int j = 0; j < inner; j++) {
                        int oi = o + j * incO;
                        double dev = x[base + j] - center[oi];
                        acc[oi] += dev * dev;
                    }
                    break;
                default:
                    for (int j = 0; j < inner; j++) acc[o + j * incO] += x[base + j];
            }
        }
    }

    private static Tensor finish(int[] shape, boolean[] red, boolean keepDim, double[] acc, double scale) {
        float[] y = new float[acc.length];
        for (int i = 0; i < y.length; i++) y[i] = (float) (acc[i] * scale);
        return Tensor.wrap(y, outShape(shape, red, keepDim));
    }
}
