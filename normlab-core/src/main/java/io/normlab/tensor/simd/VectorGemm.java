package io.normlab.tensor.simd;

import io.normlab.tensor.Gemm;
import io.normlab.tensor.Parallel;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM with the Vector API (jdk.incubator.vector), GotoBLAS-style: B is packed into slivers of
 * {@code NR = 4 vectors} columns, A into slivers of {@code MR = 4} rows, and a register-blocked
 * micro-kernel keeps the 4 x NR block of C in 16 vector accumulators, one broadcast-FMA per
 * (row, vector) and k. Rows of C are split across threads in fixed blocks of {@code MC}; every
 * element of C sums over k in ascending order whatever the thread count, so results are
 * bit-identical with 1 or N threads. Only loaded when the incubator module is present
 * (see {@code io.normlab.tensor.Backend}).
 */
public final class VectorGemm implements Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    private static final int MR = 4;
    private static final int NR = 4 * VL;
    private static final int KC = 256;
    private static final int MC = 64;
    private static final int NC = 32 * NR;

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m == 0 || n == 0) return;
        if (!accumulate) Arrays.fill(c, cOff, cOff + m * n, 0f);
        if (k == 0) return;
        int mBlocks = (m + MC - 1) / MC;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int slivers = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[] bp = new float[slivers * kc * NR];
                final int jc0 = jc, pc0 = pc;
                Parallel.forRange(slivers, Math.max(1, slivers / 8 + 1), (ch, lo, hi) -> {
                    for (int s = lo; s < hi; s++) packB(transB, b, bOff, n, k, jc0 + s * NR, Math.min(NR, nc - s * NR), pc0, kc, bp, s * kc * NR);
                });
                long work = (long) m * nc * kc;
                int grain = work < (1L << 18) ? mBlocks : 1;
                Parallel.forRange(mBlocks, grain, (ch, lo, hi) -> {
                    float[] ap = new float[((MC + MR - 1) / MR) * MR * kc];
                    float[] tile = new float[MR * NR];
                    for (int blk = lo; blk < hi; blk++) {
                        int ic = blk * MC, mc = Math.min(MC, m - ic);
                        int aSlivers = (mc + MR - 1) / MR;
                        for (int s = 0; s < aSlivers; s++) packA(transA, a, aOff, m, k, ic + s * MR, Math.min(MR, mc - s * MR), pc0, kc, ap, s * kc * MR);
                        for (int js = 0; js < slivers; js++) {
                            int j0 = jc0 + js * NR, nr = Math.min(NR, nc - js * NR);
                            for (int is = 0; is < aSlivers; is++) {
                                int i0 = ic + is * MR, mr = Math.min(MR, mc - is * MR);
                                kernel(ap, is * kc * MR, bp, js * kc * NR, kc, c, cOff, n, i0, j0, mr, nr, tile);
                            }
                        }
                    }
                });
            }
        }
    }

    /** B sliver: for each p, NR consecutive columns (zero-padded past nr). */
    private static void packB(boolean transB, float[] b, int bOff, int n, int k, int j0, int nr, int pc, int kc, float[] bp, int at) {
        for (int p = 0; p < kc; p++) {
            int dst = at + p * NR;
            if (!transB) {
                System.arraycopy(b, bOff + (pc + p) * n + j0, bp, dst, nr);
            } else {
                for (int j = 0; j < nr; j++) bp[dst + j] = b[bOff + (j0 + j) * k + pc + p];
            }
        }
    }

    /** A sliver: for each p, MR consecutive rows (zero-padded past mr). */
    private static void packA(boolean transA, float[] a, int aOff, int m, int k, int i0, int mr, int pc, int kc, float[] ap, int at) {
        for (int p = 0; p < kc; p++) {
            int dst = at + p * MR;
            for (int i = 0; i < MR; i++) {
                ap[dst + i] = i >= mr ? 0f : transA ? a[aOff + (pc + p) * m + i0 + i] : a[aOff + (i0 + i) * k + pc + p];
            }
        }
    }

    /** C[i0.., j0..] += (A sliver) x (B sliver), through a 4 x NR register block. */
    private static void kernel(float[] ap, int aAt, float[] bp, int bAt, int kc, float[] c, int cOff, int n,
                               int i0, int j0, int mr, int nr, float[] tile) {
        microKernel(ap, aAt, bp, bAt, kc, tile);
        if (mr == MR && nr == NR) {
            for (int i = 0; i < MR; i++) {
                int row = cOff + (i0 + i) * n + j0;
                for (int v = 0; v < NR; v += VL) {
                    FloatVector.fromArray(S, c, row + v).add(FloatVector.fromArray(S, tile, i * NR + v)).intoArray(c, row + v);
                }
            }
            return;
        }
        for (int i = 0; i < mr; i++) {
            int row = cOff + (i0 + i) * n + j0;
            for (int j = 0; j < nr; j++) c[row + j] += tile[i * NR + j];
        }
    }

    /** tile (MR x NR) = sum over p of A[., p] B[p, .]: 16 accumulators, one broadcast-FMA each per p. */
    private static void microKernel(float[] ap, int aAt, float[] bp, int bAt, int kc, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int p = 0; p < kc; p++) {
            int bo = bAt + p * NR, ao = aAt + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + VL);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * VL);
            FloatVector b3 = FloatVector.fromArray(S, bp, bo + 3 * VL);
            FloatVector a0 = FloatVector.broadcast(S, ap[ao]);
            c00 = a0.fma(b0, c00); c01 = a0.fma(b1, c01); c02 = a0.fma(b2, c02); c03 = a0.fma(b3, c03);
            FloatVector a1 = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = a1.fma(b0, c10); c11 = a1.fma(b1, c11); c12 = a1.fma(b2, c12); c13 = a1.fma(b3, c13);
            FloatVector a2 = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = a2.fma(b0, c20); c21 = a2.fma(b1, c21); c22 = a2.fma(b2, c22); c23 = a2.fma(b3, c23);
            FloatVector a3 = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = a3.fma(b0, c30); c31 = a3.fma(b1, c31); c32 = a3.fma(b2, c32); c33 = a3.fma(b3, c33);
        }
        c00.intoArray(tile, 0); c01.intoArray(tile, VL); c02.intoArray(tile, 2 * VL); c03.intoArray(tile, 3 * VL);
        c10.intoArray(tile, NR); c11.intoArray(tile, NR + VL); c12.intoArray(tile, NR + 2 * VL); c13.intoArray(tile, NR + 3 * VL);
        c20.intoArray(tile, 2 * NR); c21.intoArray(tile, 2 * NR + VL); c22.intoArray(tile, 2 * NR + 2 * VL); c23.intoArray(tile, 2 * NR + 3 * VL);
        c30.intoArray(tile, 3 * NR); c31.intoArray(tile, 3 * NR + VL); c32.intoArray(tile, 3 * NR + 2 * VL); c33.intoArray(tile, 3 * NR + 3 * VL);
    }

    /** Sum of {@code x[from, to)} with vector lanes (used by reductions); order fixed by the species. */
    public static double sum(float[] x, int from, int to) {
        FloatVector acc = FloatVector.zero(S);
        int i = from;
        for (; i + VL <= to; i += VL) acc = acc.add(FloatVector.fromArray(S, x, i));
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) s += x[i];
        return s;
    }
}
