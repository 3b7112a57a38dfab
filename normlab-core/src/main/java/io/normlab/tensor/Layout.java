package io.normlab.tensor;

import java.util.Arrays;

/**
 * Operations that move values without arithmetic: transpose, permute, slice, concatenation,
 * row gathering, broadcasting, argmax. Every result is a new contiguous tensor.
 */
public final class Layout {
    private Layout() {}

    /** Swaps dimensions {@code a} and {@code b}. */
    public static Tensor transpose(Tensor t, int a, int b) {
        int r = t.rank();
        int[] order = new int[r];
        for (int i = 0; i < r; i++) order[i] = i;
        int x = Shape.axis("transpose", a, r), y = Shape.axis("transpose", b, r);
        order[x] = y;
        order[y] = x;
        return permute(t, order);
    }

    /** Output dimension {@code i} is input dimension {@code order[i]}. */
    public static Tensor permute(Tensor t, int... order) {
        int[] s = t.shape();
        int r = s.length;
        if (order.length != r) throw new ShapeException("permute: order " + Arrays.toString(order) + " does not match shape " + Shape.str(s));
        boolean[] seen = new boolean[r];
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int ax = Shape.axis("permute", order[i], r);
            if (seen[ax]) throw new ShapeException("permute: axis repeated in " + Arrays.toString(order));
            seen[ax] = true;
            out[i] = s[ax];
        }
        if (swapsLastTwo(order)) {
            float[] x = t.data(), y = new float[x.length];
            int rows = s[r - 2], cols = s[r - 1], size = rows * cols;
            for (int at = 0; at < x.length; at += size) transposeMatrix(x, at, rows, cols, y, at);
            return Tensor.wrap(y, out);
        }
        int[] inStrides = Shape.strides(s);
        int[] st = new int[r];
        for (int i = 0; i < r; i++) st[i] = inStrides[Shape.axis("permute", order[i], r)];
        float[] x = t.data(), y = new float[x.length];
        int[] idx = new int[r];
        int src = 0;
        for (int k = 0; k < y.length; k++) {
            y[k] = x[src];
            for (int d = r - 1; d >= 0; d--) {
                idx[d]++;
                src += st[d];
                if (idx[d] < out[d]) break;
                src -= st[d] * out[d];
                idx[d] = 0;
            }
        }
        return Tensor.wrap(y, out);
    }

    private static boolean swapsLastTwo(int[] order) {
        int r = order.length;
        if (r < 2 || order[r - 2] != r - 1 || order[r - 1] != r - 2) return false;
        for (int i = 0; i < r - 2; i++) if (order[i] != i) return false;
        return true;
    }

    /** Tile edge of {@link #transposeMatrix}: a tile's source and destination rows stay in L1. */
    private static final int TILE = 16;

    /**
     * {@code dst[dstOff + j*rows + i] = src[srcOff + i*cols + j]}: a rows x cols row-major matrix
     * written transposed, tile by tile (a plain double loop would write every element to a
     * different cache line).
     */
    public static void transposeMatrix(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        for (int i0 = 0; i0 < rows; i0 += TILE) {
            int i1 = Math.min(rows, i0 + TILE);
            for (int j0 = 0; j0 < cols; j0 += TILE) {
                int j1 = Math.min(cols, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    int from = srcOff + i * cols;
                    for (int j = j0; j < j1; j++) dst[dstOff + j * rows + i] = src[from + j];
                }
            }
        }
    }

    /** Elements {@code [start, end)} along {@code dim}. */
    public static Tensor slice(Tensor t, int dim, int start, int end) {
        int[] s = t.shape();
        int d = Shape.axis("slice", dim, s.length);
        if (start < 0 || end > s[d] || start > end) {
            throw new ShapeException("slice: range [" + start + ", " + end + ") out of bounds for dim " + dim + " of shape " + Shape.str(s));
        }
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= s[i];
        for (int i = d + 1; i < s.length; i++) inner *= s[i];
        int len = end - start;
        float[] x = t.data(), y = new float[outer * len * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(x, (o * s[d] + start) * inner, y, o * len * inner, len * inner);
        }
        int[] out = s.clone();
        out[d] = len;
        return Tensor.wrap(y, out);
    }

    /**
     * A tensor of {@code shape}, zero except for {@code part} placed at {@code [start, start + part.size(dim))}
     * along {@code dim} (the adjoint of {@link #slice}; other dimensions must agree).
     */
    public static Tensor embed(Tensor part, int[] shape, int dim, int start) {
        int[] p = part.shape();
        int d = Shape.axis("embed", dim, shape.length);
        boolean fits = p.length == shape.length && start >= 0 && start + p[d] <= shape[d];
        for (int i = 0; fits && i < p.length; i++) fits = i == d || p[i] == shape[i];
        if (!fits) throw ShapeException.of("embed at " + start + " along dim " + dim, "part does not fit", p, shape);
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= shape[i];
        for (int i = d + 1; i < shape.length; i++) inner *= shape[i];
        int len = p[d] * inner;
        float[] y = new float[Shape.numel(shape)];
        for (int o = 0; o < outer; o++) System.arraycopy(part.data(), o * len, y, (o * shape[d] + start) * inner, len);
        return Tensor.wrap(y, shape.clone());
    }

    /** Concatenates tensors along {@code dim}; all other dimensions must agree. */
    public static Tensor concat(int dim, Tensor... ts) {
        if (ts.length == 0) throw new ShapeException("concat: no tensors");
        int[] s0 = ts[0].shape();
        int d = Shape.axis("concat", dim, s0.length);
        int total = 0;
        for (Tensor t : ts) {
            int[] s = t.shape();
            if (s.length != s0.length) throw ShapeException.of("concat", "ranks differ", s0, s);
            for (int i = 0; i < s.length; i++) {
                if (i != d && s[i] != s0[i]) throw ShapeException.of("concat", "sizes differ outside dim " + dim, s0, s);
            }
            total += s[d];
        }
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= s0[i];
        for (int i = d + 1; i < s0.length; i++) inner *= s0[i];
        float[] y = new float[outer * total * inner];
        int at = 0;
        for (Tensor t : ts) {
            int len = t.shape()[d] * inner;
            for (int o = 0; o < outer; o++) System.arraycopy(t.data(), o * len, y, o * total * inner + at, len);
            at += len;
        }
        int[] out = s0.clone();
        out[d] = total;
        return Tensor.wrap(y, out);
    }

    /** Rows {@code rows[i]} of {@code t} along dim 0, in the given order. */
    public static Tensor takeRows(Tensor t, int[] rows) {
        int[] s = t.shape();
        if (s.length == 0) throw new ShapeException("takeRows: scalar tensor");
        int inner = s[0] == 0 ? 0 : t.numel() / s[0];
        float[] y = new float[rows.length * inner];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] < 0 || rows[i] >= s[0]) throw new ShapeException("takeRows: row " + rows[i] + " out of range for shape " + Shape.str(s));
            System.arraycopy(t.data(), rows[i] * inner, y, i * inner, inner);
        }
        int[] out = s.clone();
        out[0] = rows.length;
        return Tensor.wrap(y, out);
    }

    /** Broadcasts {@code t} up to {@code shape} (a copy). */
    public static Tensor broadcastTo(Tensor t, int... shape) {
        int[] b = Shape.broadcast("broadcastTo", t.shape(), shape);
        if (!Arrays.equals(b, shape)) throw ShapeException.of("broadcastTo", "cannot broadcast", t.shape(), shape);
        return Elementwise.add(Tensor.zeros(shape), t);
    }

    /**
     * Index of the maximum along {@code dim} (the first one on ties; the first NaN wins, as NaN does
     * in {@link Reductions#max}), as an int array in row-major order of the other dims.
     */
    public static int[] argmax(Tensor t, int dim) {
        int[] s = t.shape();
        int d = Shape.axis("argmax", dim, s.length);
        int outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= s[i];
        for (int i = d + 1; i < s.length; i++) inner *= s[i];
        int n = s[d];
        if (n == 0) throw new ShapeException("argmax: dim " + dim + " of shape " + Shape.str(s) + " is empty");
        float[] x = t.data();
        int[] out = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int best = 0;
                float bv = x[o * n * inner + in];
                for (int k = 1; k < n; k++) {
                    float v = x[(o * n + k) * inner + in];
                    if (v > bv || (Float.isNaN(v) && !Float.isNaN(bv))) {
                        bv = v;
                        best = k;
                    }
                }
                out[o * inner + in] = best;
            }
        }
        return out;
    }
}
