package io.normlab.tensor.simd;

import io.normlab.tensor.Parallel;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C (+)= A B^T} for a small C and a long k (a convolution's weight gradient, the input
 * layer of a wide dense layer), as dot products of rows: A (m x k) and B (n x k) both have rows
 * contiguous in k, so nothing is packed. A 4 x 4 block of C takes 4 rows of each, 16 vector
 * accumulators over k (8 loads per 16 FMAs), then one lane reduction each; leftover rows and
 * columns take single dot products. Every element is one dot product in a fixed order:
 * bit-identical for any thread count.
 */
final class DotKernel {
    private static final VectorSpecies<Float> S = VectorGemm.S;
    private static final int VL = VectorGemm.VL;

    private DotKernel() {}

    /** True when the dot form suits: a long k and a small C (no reuse for a packed panel to exploit). */
    static boolean suits(int m, int n, int k) {
        return k >= 16 * VL && (long) m * n <= 1024;
    }

    static void gemm(int m, int n, int k, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        int rowBlocks = (m + 3) / 4;
        boolean parallel = 2L * m * n * k >= VectorGemm.PARALLEL_FLOPS;
        Parallel.forRange(rowBlocks, parallel ? 1 : rowBlocks, (ch, lo, hi) -> {
            for (int rb = lo; rb < hi; rb++) {
                int i0 = rb * 4, mr = Math.min(4, m - i0);
                int j0 = 0;
                if (mr == 4) {
                    for (; j0 + 4 <= n; j0 += 4) block(k, a, aOff + i0 * k, b, bOff + j0 * k, c, cOff + i0 * n + j0, n, accumulate);
                }
                for (int i = i0; i < i0 + mr; i++) {
                    for (int j = j0; j < n; j++) {
                        float d = dot(k, a, aOff + i * k, b, bOff + j * k);
                        int at = cOff + i * n + j;
                        c[at] = accumulate ? c[at] + d : d;
                    }
                }
            }
        });
    }

    private static void block(int k, float[] a, int a0, float[] b, int b0, float[] c, int cAt, int ldc, boolean accumulate) {
        FloatVector s00 = FloatVector.zero(S), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        FloatVector s20 = s00, s21 = s00, s22 = s00, s23 = s00, s30 = s00, s31 = s00, s32 = s00, s33 = s00;
        int a1 = a0 + k, a2 = a1 + k, a3 = a2 + k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k;
        int p = 0, vend = S.loopBound(k);
        for (; p < vend; p += VL) {
            FloatVector y0 = FloatVector.fromArray(S, b, b0 + p), y1 = FloatVector.fromArray(S, b, b1 + p);
            FloatVector y2 = FloatVector.fromArray(S, b, b2 + p), y3 = FloatVector.fromArray(S, b, b3 + p);
            FloatVector x = FloatVector.fromArray(S, a, a0 + p);
            s00 = x.fma(y0, s00); s01 = x.fma(y1, s01); s02 = x.fma(y2, s02); s03 = x.fma(y3, s03);
            x = FloatVector.fromArray(S, a, a1 + p);
            s10 = x.fma(y0, s10); s11 = x.fma(y1, s11); s12 = x.fma(y2, s12); s13 = x.fma(y3, s13);
            x = FloatVector.fromArray(S, a, a2 + p);
            s20 = x.fma(y0, s20); s21 = x.fma(y1, s21); s22 = x.fma(y2, s22); s23 = x.fma(y3, s23);
            x = FloatVector.fromArray(S, a, a3 + p);
            s30 = x.fma(y0, s30); s31 = x.fma(y1, s31); s32 = x.fma(y2, s32); s33 = x.fma(y3, s33);
        }
        put(c, cAt, accumulate, LaneSum.sum(s00) + tail(k, p, a, a0, b, b0));
        put(c, cAt + 1, accumulate, LaneSum.sum(s01) + tail(k, p, a, a0, b, b1));
        put(c, cAt + 2, accumulate, LaneSum.sum(s02) + tail(k, p, a, a0, b, b2));
        put(c, cAt + 3, accumulate, LaneSum.sum(s03) + tail(k, p, a, a0, b, b3));
        cAt += ldc;
        put(c, cAt, accumulate, LaneSum.sum(s10) + tail(k, p, a, a1, b, b0));
        put(c, cAt + 1, accumulate, LaneSum.sum(s11) + tail(k, p, a, a1, b, b1));
        put(c, cAt + 2, accumulate, LaneSum.sum(s12) + tail(k, p, a, a1, b, b2));
        put(c, cAt + 3, accumulate, LaneSum.sum(s13) + tail(k, p, a, a1, b, b3));
        cAt += ldc;
        put(c, cAt, accumulate, LaneSum.sum(s20) + tail(k, p, a, a2, b, b0));
        put(c, cAt + 1, accumulate, LaneSum.sum(s21) + tail(k, p, a, a2, b, b1));
        put(c, cAt + 2, accumulate, LaneSum.sum(s22) + tail(k, p, a, a2, b, b2));
        put(c, cAt + 3, accumulate, LaneSum.sum(s23) + tail(k, p, a, a2, b, b3));
        cAt += ldc;
        put(c, cAt, accumulate, LaneSum.sum(s30) + tail(k, p, a, a3, b, b0));
        put(c, cAt + 1, accumulate, LaneSum.sum(s31) + tail(k, p, a, a3, b, b1));
        put(c, cAt + 2, accumulate, LaneSum.sum(s32) + tail(k, p, a, a3, b, b2));
        put(c, cAt + 3, accumulate, LaneSum.sum(s33) + tail(k, p, a, a3, b, b3));
    }

    private static void put(float[] c, int at, boolean accumulate, float v) {
        c[at] = accumulate ? c[at] + v : v;
    }

    /** The scalar remainder [p, k) of one dot product. */
    private static float tail(int k, int p, float[] a, int ai, float[] b, int bj) {
        float s = 0f;
        for (; p < k; p++) s += a[ai + p] * b[bj + p];
        return s;
    }

    private static float dot(int k, float[] a, int ai, float[] b, int bj) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0;
        int p = 0, vend2 = k & -(2 * VL), vend = S.loopBound(k);
        for (; p < vend2; p += 2 * VL) {
            s0 = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), s0);
            s1 = FloatVector.fromArray(S, a, ai + p + VL).fma(FloatVector.fromArray(S, b, bj + p + VL), s1);
        }
        for (; p < vend; p += VL) s0 = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), s0);
        return LaneSum.sum(s0.add(s1)) + tail(k, p, a, ai, b, bj);
    }
}
