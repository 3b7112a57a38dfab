package io.normlab.tensor;

/**
 * A cache-blocked, plain-Java GEMM that C2 can auto-vectorize. B is packed per (k, n) block into
 * one {@code float[]} per row, and four rows of C are accumulated in their own row buffers, so
 * every array in the inner loop is indexed by the same {@code j} (C2 cannot vectorize
 * {@code c[ci + j] += a * b[bk + j]}: it must assume the arrays alias). Rows of C are split across
 * threads in fixed chunks; each element of C sums over k in the same order whatever the thread
 * count.
 */
public final class BlockedGemm implements Gemm {
    private static final int NC = 512;
    private static final int KC = 256;
    private static final int ROW_GRAIN = 16;

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate) {
        if (m == 0 || n == 0) return;
        if (!accumulate) java.util.Arrays.fill(c, cOff, cOff + m * n, 0f);
        if (k == 0) return;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                float[][] panel = packB(transB, b, bOff, n, k, jc, nc, pc, kc);
                final int jc0 = jc, pc0 = pc;
                int grain = m * (long) nc * kc < (1 << 16) ? m : ROW_GRAIN;
                Parallel.forRange(m, grain, (chunk, lo, hi) ->
                        rows(transA, a, aOff, m, k, panel, c, cOff, n, jc0, nc, pc0, kc, lo, hi));
            }
        }
    }

    private static float[][] packB(boolean transB, float[] b, int bOff, int n, int k, int jc, int nc, int pc, int kc) {
        float[][] panel = new float[kc][nc];
        for (int p = 0; p < kc; p++) {
            float[] row = panel[p];
            if (!transB) {
                System.arraycopy(b, bOff + (pc + p) * n + jc, row, 0, nc);
            } else {
                for (int j = 0; j < nc; j++) row[j] = b[bOff + (jc + j) * k + pc + p];
            }
        }
        return panel;
    }

    private static void rows(boolean transA, float[] a, int aOff, int m, int k, float[][] panel,
                             float[] c, int cOff, int n, int jc, int nc, int pc, int kc, int lo, int hi) {
        float[] c0 = new float[nc], c1 = new float[nc], c2 = new float[nc], c3 = new float[nc];
        int i = lo;
        for (; i + 4 <= hi; i += 4) {
            load(c, cOff + i * n + jc, c0, c1, c2, c3, n, nc);
            for (int p = 0; p < kc; p++) {
                float a0 = aAt(transA, a, aOff, m, k, i, pc + p);
                float a1 = aAt(transA, a, aOff, m, k, i + 1, pc + p);
                float a2 = aAt(transA, a, aOff, m, k, i + 2, pc + p);
                float a3 = aAt(transA, a, aOff, m, k, i + 3, pc + p);
                float[] bp = panel[p];
                for (int j = 0; j < nc; j++) {
                    float bv = bp[j];
                    c0[j] += a0 * bv;
                    c1[j] += a1 * bv;
                    c2[j] += a2 * bv;
                    c3[j] += a3 * bv;
                }
            }
            store(c, cOff + i * n + jc, c0, c1, c2, c3, n, nc);
        }
        for (; i < hi; i++) {
            System.arraycopy(c, cOff + i * n + jc, c0, 0, nc);
            for (int p = 0; p < kc; p++) {
                float a0 = aAt(transA, a, aOff, m, k, i, pc + p);
                float[] bp = panel[p];
                for (int j = 0; j < nc; j++) c0[j] += a0 * bp[j];
            }
            System.arraycopy(c0, 0, c, cOff + i * n + jc, nc);
        }
    }

    private static float aAt(boolean transA, float[] a, int aOff, int m, int k, int i, int p) {
        return transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
    }

    private static void load(float[] c, int off, float[] c0, float[] c1, float[] c2, float[] c3, int n, int nc) {
        System.arraycopy(c, off, c0, 0, nc);
        System.arraycopy(c, off + n, c1, 0, nc);
        System.arraycopy(c, off + 2 * n, c2, 0, nc);
        System.arraycopy(c, off + 3 * n, c3, 0, nc);
    }

    private static void store(float[] c, int off, float[] c0, float[] c1, float[] c2, float[] c3, int n, int nc) {
        System.arraycopy(c0, 0, c, off, nc);
        System.arraycopy(c1, 0, c, off + n, nc);
        System.arraycopy(c2, 0, c, off + 2 * n, nc);
        System.arraycopy(c3, 0, c, off + 3 * n, nc);
    }
}
