package io.normlab.tensor;

/** Slow, obviously correct references for the tensor kernels (tests only). */
final class Naive {
    private Naive() {}

    /** Multi-index of flat position {@code flat} in a row-major {@code shape}. */
    static int[] unravel(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % shape[d];
            flat /= shape[d];
        }
        return idx;
    }

    /** Flat position of the element of {@code shape} that broadcasts to output index {@code outIdx}. */
    static int broadcastSource(int[] outIdx, int[] shape) {
        int off = outIdx.length - shape.length, flat = 0;
        for (int d = 0; d < shape.length; d++) {
            int i = shape[d] == 1 ? 0 : outIdx[d + off];
            flat = flat * shape[d] + i;
        }
        return flat;
    }

    /** {@code C = op(A) op(B)} in double, A and B stored row-major as in {@link Gemm}. */
    static double[] gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = transA ? a[p * m + i] : a[i * k + p];
                    double bv = transB ? b[j * k + p] : b[p * n + j];
                    s += av * bv;
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** {@code sum_p |op(A)_ip| |op(B)_pj|}: scale of the rounding error of one GEMM element. */
    static double[] gemmAbs(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b) {
        float[] aa = new float[a.length], bb = new float[b.length];
        for (int i = 0; i < a.length; i++) aa[i] = Math.abs(a[i]);
        for (int i = 0; i < b.length; i++) bb[i] = Math.abs(b[i]);
        return gemm(transA, transB, m, n, k, aa, bb);
    }
}
