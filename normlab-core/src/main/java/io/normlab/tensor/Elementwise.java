package io.normlab.tensor;

/**
 * Elementwise operations. Binary operations follow NumPy/PyTorch broadcasting
 * ({@link Shape#broadcast}); inputs are never modified and every result is a new tensor, except
 * the methods whose names end in {@code InPlace}.
 */
public final class Elementwise {
    /** Items per parallel chunk for elementwise passes. */
    static final int GRAIN = 1 << 15;

    private Elementwise() {}

    /** A float-to-float function for {@link #map}. */
    @FunctionalInterface
    public interface FloatUnary {
        float apply(float v);
    }

    /** A (float, float)-to-float function for {@link #zip}. */
    @FunctionalInterface
    public interface FloatBinary {
        float apply(float a, float b);
    }

    private enum Op { ADD, SUB, MUL, DIV }

    /** {@code a + b} with broadcasting. */
    public static Tensor add(Tensor a, Tensor b) { return binary("add", Op.ADD, a, b); }

    /** {@code a - b} with broadcasting. */
    public static Tensor sub(Tensor a, Tensor b) { return binary("sub", Op.SUB, a, b); }

    /** {@code a * b} with broadcasting. */
    public static Tensor mul(Tensor a, Tensor b) { return binary("mul", Op.MUL, a, b); }

    /** {@code a / b} with broadcasting. */
    public static Tensor div(Tensor a, Tensor b) { return binary("div", Op.DIV, a, b); }

    /** {@code s * a}. */
    public static Tensor scale(Tensor a, float s) {
        float[] x = a.data(), y = new float[x.length];
        Parallel.forRange(x.length, GRAIN, (c, lo, hi) -> {
            for (int i = lo; i < hi; i++) y[i] = s * x[i];
        });
        return Tensor.wrap(y, a.shape());
    }

    /** {@code f(a)} elementwise. */
    public static Tensor map(Tensor a, FloatUnary f) {
        float[] x = a.data(), y = new float[x.length];
        Parallel.forRange(x.length, GRAIN, (c, lo, hi) -> {
            for (int i = lo; i < hi; i++) y[i] = f.apply(x[i]);
        });
        return Tensor.wrap(y, a.shape());
    }

    /** {@code f(a, b)} elementwise for tensors of the same shape. */
    public static Tensor zip(Tensor a, Tensor b, FloatBinary f) {
        if (!a.sameShape(b)) throw ShapeException.of("zip", "shapes differ", a.shape(), b.shape());
        float[] x = a.data(), z = b.data(), y = new float[x.length];
        Parallel.forRange(x.length, GRAIN, (c, lo, hi) -> {
            for (int i = lo; i < hi; i++) y[i] = f.apply(x[i], z[i]);
        });
        return Tensor.wrap(y, a.shape());
    }

    /** {@code acc += src}; shapes must be equal. */
    public static void addInPlace(Tensor acc, Tensor src) {
        if (!acc.sameShape(src)) throw ShapeException.of("addInPlace", "shapes differ", acc.shape(), src.shape());
        float[] a = acc.data(), s = src.data();
        Parallel.forRange(a.length, GRAIN, (c, lo, hi) -> {
            for (int i = lo; i < hi; i++) a[i] += s[i];
        });
    }

    /** {@code acc += alpha * src}; shapes must be equal. */
    public static void axpyInPlace(Tensor acc, float alpha, Tensor src) {
        if (!acc.sameShape(src)) throw ShapeException.of("axpyInPlace", "shapes differ", acc.shape(), src.shape());
        float[] a = acc.data(), s = src.data();
        Parallel.forRange(a.length, GRAIN, (c, lo, hi) -> {
            for (int i = lo; i < hi; i++) a[i] += alpha * s[i];
        });
    }

    private static Tensor binary(String name, Op op, Tensor a, Tensor b) {
        int[] sa = a.shape(), sb = b.shape();
        float[] x = a.data(), z = b.data();
        if (java.util.Arrays.equals(sa, sb)) {
            float[] y = new float[x.length];
            Parallel.forRange(y.length, GRAIN, (c, lo, hi) -> sameShape(op, x, z, y, lo, hi));
            return Tensor.wrap(y, sa);
        }
        int[] out = Shape.broadcast(name, sa, sb);
        int rank = out.length;
        int[] stA = broadcastStrides(sa, rank, out), stB = broadcastStrides(sb, rank, out);
        int inner = rank == 0 ? 1 : out[rank - 1];
        int incA = rank == 0 ? 0 : stA[rank - 1], incB = rank == 0 ? 0 : stB[rank - 1];
        int rows = inner == 0 ? 0 : Shape.numel(out) / inner;
        float[] y = new float[Shape.numel(out)];
        int grain = Math.max(1, GRAIN / Math.max(1, inner));
        Parallel.forRange(rows, grain, (c, lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int oa = 0, ob = 0, rem = r;
                for (int d = rank - 2; d >= 0; d--) {
                    int i = rem % out[d];
                    rem /= out[d];
                    oa += i * stA[d];
                    ob += i * stB[d];
                }
                int base = r * inner;
                if (incA == 1 && incB == 1) {
                    rows(op, x, oa, z, ob, y, base, inner);
                } else {
                    for (int j = 0; j < inner; j++) y[base + j] = apply(op, x[oa + j * incA], z[ob + j * incB]);
                }
            }
        });
        return Tensor.wrap(y, out);
    }

    private static void sameShape(Op op, float[] x, float[] z, float[] y, int lo, int hi) {
        switch (op) {
            case ADD: for (int i = lo; i < hi; i++) y[i] = x[i] + z[i]; break;
            case SUB: for (int i = lo; i < hi; i++) y[i] = x[i] - z[i]; break;
            case MUL: for (int i = lo; i < hi; i++) y[i] = x[i] * z[i]; break;
            default: for (int i = lo; i < hi; i++) y[i] = x[i] / z[i]; break;
        }
    }

    /** One output row from two contiguous input rows (e.g. a matrix plus a broadcast bias row): the switch outside the loop. */
    private static void rows(Op op, float[] x, int oa, float[] z, int ob, float[] y, int base, int len) {
        switch (op) {
            case ADD: for (int j = 0; j < len; j++) y[base + j] = x[oa + j] + z[ob + j]; break;
            case SUB: for (int j = 0; j < len; j++) y[base + j] = x[oa + j] - z[ob + j]; break;
            case MUL: for (int j = 0; j < len; j++) y[base + j] = x[oa + j] * z[ob + j]; break;
            default: for (int j = 0; j < len; j++) y[base + j] = x[oa + j] / z[ob + j]; break;
        }
    }

    private static float apply(Op op, float a, float b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            default: return a / b;
        }
    }

    /** Strides of {@code shape} aligned right into {@code rank} dims, 0 where broadcast. */
    static int[] broadcastStrides(int[] shape, int rank, int[] out) {
        int[] own = Shape.strides(shape);
        int[] st = new int[rank];
        int off = rank - shape.length;
        for (int d = 0; d < rank; d++) {
            if (d < off) continue;
            st[d] = shape[d - off] == 1 && out[d] != 1 ? 0 : own[d - off];
        }
        return st;
    }
}
