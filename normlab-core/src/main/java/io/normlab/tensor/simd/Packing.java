package io.normlab.tensor.simd;

/**
 * Copies of GEMM operands into the layouts the micro-kernel streams: A in slivers of
 * {@code MR} rows (for each k, MR consecutive values), B in slivers of {@code NR} columns (for each
 * k, NR consecutive values); zero-padded past the matrix edge. Plain loops without per-element
 * branches: each case reads its source in order.
 */
final class Packing {
    private static final int MR = VectorGemm.MR;
    private static final int NR = VectorGemm.NR;

    private Packing() {}

    /** Rows [i0, i0+mc) and columns [pc, pc+kc) of op(A) into {@code ap}: sliver s at {@code apAt + s*kc*MR}. */
    static void packA(boolean transA, float[] a, int aOff, int m, int k, int i0, int mc, int pc, int kc, float[] ap, int apAt) {
        if (transA) {
            packTransposedA(a, aOff, m, i0, mc, pc, kc, ap, apAt);
            return;
        }
        for (int s = 0, rows = 0; rows < mc; s++, rows += MR) {
            int mr = Math.min(MR, mc - rows), dst = apAt + s * kc * MR, row = i0 + rows;
            if (mr == MR) {
                int r0 = aOff + row * k + pc, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
                for (int p = 0; p < kc; p++) {
                    int d = dst + p * MR;
                    ap[d] = a[r0 + p];
                    ap[d + 1] = a[r1 + p];
                    ap[d + 2] = a[r2 + p];
                    ap[d + 3] = a[r3 + p];
                }
            } else {
                java.util.Arrays.fill(ap, dst, dst + kc * MR, 0f);
                for (int i = 0; i < mr; i++) {
                    int r = aOff + (row + i) * k + pc;
                    for (int p = 0; p < kc; p++) ap[dst + p * MR + i] = a[r + p];
                }
            }
        }
    }

    /**
     * A stored k x m: for each k, the mc values of the block are one contiguous run, read once and
     * dealt to the slivers (MR each, the last zero-padded). Reading sliver by sliver instead would
     * revisit each run mc/MR times, rows m floats apart: with m a multiple of 512 those all fall in
     * the same few L1 sets and every visit misses.
     */
    private static void packTransposedA(float[] a, int aOff, int m, int i0, int mc, int pc, int kc, float[] ap, int apAt) {
        int full = mc / MR, rest = mc - full * MR, step = kc * MR;
        for (int p = 0; p < kc; p++) {
            int src = aOff + (pc + p) * m + i0, d = apAt + p * MR;
            for (int s = 0; s < full; s++, src += MR, d += step) {
                ap[d] = a[src];
                ap[d + 1] = a[src + 1];
                ap[d + 2] = a[src + 2];
                ap[d + 3] = a[src + 3];
            }
            if (rest > 0) {
                for (int i = 0; i < MR; i++) ap[d + i] = i < rest ? a[src + i] : 0f;
            }
        }
    }

    /** Columns [j0, j0+nr) and rows [pc, pc+kc) of op(B) into one sliver at {@code bp[at...]}. */
    static void packB(boolean transB, float[] b, int bOff, int n, int k, int j0, int nr, int pc, int kc, float[] bp, int at) {
        if (!transB) {
            for (int p = 0; p < kc; p++) {
                int dst = at + p * NR;
                System.arraycopy(b, bOff + (pc + p) * n + j0, bp, dst, nr);
                if (nr < NR) java.util.Arrays.fill(bp, dst + nr, dst + NR, 0f);
            }
            return;
        }
        // B stored n x k: read each column of op(B) (a row of B) in order, scatter with stride NR.
        if (nr < NR) {
            for (int p = 0; p < kc; p++) java.util.Arrays.fill(bp, at + p * NR + nr, at + (p + 1) * NR, 0f);
        }
        int j = 0;
        for (; j + 4 <= nr; j += 4) {
            // Four rows of B at once: each k writes 4 consecutive floats of the sliver.
            int r0 = bOff + (j0 + j) * k + pc, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
            for (int p = 0; p < kc; p++) {
                int d = at + p * NR + j;
                bp[d] = b[r0 + p];
                bp[d + 1] = b[r1 + p];
                bp[d + 2] = b[r2 + p];
                bp[d + 3] = b[r3 + p];
            }
        }
        for (; j < nr; j++) {
            int src = bOff + (j0 + j) * k + pc;
            for (int p = 0; p < kc; p++) bp[at + p * NR + j] = b[src + p];
        }
    }
}
