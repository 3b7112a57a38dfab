package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Matrix products against a naive triple loop in double. Sizes straddle the blocks of
 * {@link BlockedGemm} (4-row groups, 16-row chunks, KC = 256, NC = 512). A float sum of k products
 * is within {@code k * eps32 * sum|a||b|} of the exact value (the standard gamma_k bound), so the
 * tolerance below cannot fail on a correct kernel and an indexing bug is orders of magnitude over it.
 */
class LinalgTest {
    private static final int[][] SIZES = { // m, n, k
        {1, 1, 1}, {1, 3, 17}, {3, 1, 67}, {17, 67, 3}, {67, 130, 17}, {130, 17, 257},
        {257, 3, 130}, {3, 600, 257}, {67, 600, 600}, {600, 17, 67}, {5, 0, 3}, {4, 5, 0},
    };

    static void assertGemmClose(double[] ref, double[] abs, int k, float[] c, int cOff, String what) {
        double eps = Math.ulp(1f);
        for (int i = 0; i < ref.length; i++) {
            double tol = (k + 1) * eps * abs[i] + 1e-30;
            if (!(Math.abs(ref[i] - c[cOff + i]) <= tol)) fail(what + " element " + i + ": expected " + ref[i] + ", got " + c[cOff + i]);
        }
    }

    @Test
    void matmul2dAllTransposeVariantsMatchTheTripleLoop() {
        Rng rng = new Rng(21);
        for (int[] s : SIZES) {
            int m = s[0], n = s[1], k = s[2];
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    Tensor a = ta ? Tensor.randn(rng, k, m) : Tensor.randn(rng, m, k);
                    Tensor b = tb ? Tensor.randn(rng, n, k) : Tensor.randn(rng, k, n);
                    Tensor c = Linalg.matmul(a, ta, b, tb);
                    assertArrayEquals(new int[] {m, n}, c.shape());
                    String what = "m=" + m + " n=" + n + " k=" + k + " transA=" + ta + " transB=" + tb;
                    assertGemmClose(Naive.gemm(ta, tb, m, n, k, a.data(), b.data()),
                            Naive.gemmAbs(ta, tb, m, n, k, a.data(), b.data()), k, c.data(), 0, what);
                }
            }
        }
    }

    @Test
    void gemmHonoursOffsetsAndAccumulate() {
        Rng rng = new Rng(22);
        int m = 19, n = 530, k = 260;
        float[] a = Tensor.randn(rng, 7 + m * k).data(), b = Tensor.randn(rng, 5 + k * n).data();
        float[] c = Tensor.randn(rng, 3 + m * n + 4).data();
        float[] c0 = c.clone();
        Gemm.current().gemm(false, false, m, n, k, a, 7, b, 5, c, 3, true);
        float[] aa = java.util.Arrays.copyOfRange(a, 7, 7 + m * k), bb = java.util.Arrays.copyOfRange(b, 5, 5 + k * n);
        double[] ref = Naive.gemm(false, false, m, n, k, aa, bb), abs = Naive.gemmAbs(false, false, m, n, k, aa, bb);
        for (int i = 0; i < ref.length; i++) {
            ref[i] += c0[3 + i];
            abs[i] += Math.abs(c0[3 + i]);
        }
        assertGemmClose(ref, abs, k, c, 3, "accumulate with offsets");
        for (int i = 0; i < 3; i++) assertEquals(c0[i], c[i], 0f, "before cOff untouched");
        for (int i = 3 + m * n; i < c.length; i++) assertEquals(c0[i], c[i], 0f, "after the block untouched");
        Gemm.current().gemm(true, true, 2, 2, 0, a, 0, b, 0, c, 0, false);
        assertArrayEquals(new float[4], java.util.Arrays.copyOf(c, 4), "k = 0 without accumulate gives zeros");
    }

    @Test
    void batchedMatmulBroadcastsBatchDims() {
        Rng rng = new Rng(23);
        int[][][] cases = { // a shape, b shape
            {{2, 3, 5, 4}, {4, 6}},
            {{5, 4}, {2, 4, 6}},
            {{3, 1, 5, 4}, {2, 4, 6}},
            {{1, 5, 4}, {3, 4, 6}},
            {{2, 1, 17, 67}, {1, 3, 67, 3}},
        };
        for (int[][] cs : cases) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    int[] sa = cs[0].clone(), sb = cs[1].clone();
                    int ra = sa.length, rb = sb.length;
                    int m = sa[ra - 2], k = sa[ra - 1], n = sb[rb - 1];
                    if (ta) { sa[ra - 2] = k; sa[ra - 1] = m; }
                    if (tb) { sb[rb - 2] = n; sb[rb - 1] = k; }
                    Tensor a = Tensor.randn(rng, sa), b = Tensor.randn(rng, sb);
                    Tensor c = Linalg.matmul(a, ta, b, tb);
                    int[] batchA = java.util.Arrays.copyOf(sa, ra - 2), batchB = java.util.Arrays.copyOf(sb, rb - 2);
                    int[] batch = Shape.broadcast("test", batchA, batchB);
                    int[] out = java.util.Arrays.copyOf(batch, batch.length + 2);
                    out[batch.length] = m;
                    out[batch.length + 1] = n;
                    assertArrayEquals(out, c.shape());
                    for (int bi = 0; bi < Shape.numel(batch); bi++) {
                        int[] idx = Naive.unravel(bi, batch);
                        int ia = Naive.broadcastSource(idx, batchA), ib = Naive.broadcastSource(idx, batchB);
                        float[] am = java.util.Arrays.copyOfRange(a.data(), ia * m * k, (ia + 1) * m * k);
                        float[] bm = java.util.Arrays.copyOfRange(b.data(), ib * k * n, (ib + 1) * k * n);
                        assertGemmClose(Naive.gemm(ta, tb, m, n, k, am, bm), Naive.gemmAbs(ta, tb, m, n, k, am, bm), k,
                                c.data(), bi * m * n, Shape.str(sa) + " x " + Shape.str(sb) + " batch " + bi);
                    }
                }
            }
        }
    }

    @Test
    void matmulShapeErrorsNameBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> Linalg.matmul(Tensor.zeros(4, 3), Tensor.zeros(5, 2)));
        assertEquals("matmul: inner dimensions differ (3 vs 5): [4, 3] and [5, 2]", e.getMessage());
        e = assertThrows(ShapeException.class, () -> Linalg.matmul(Tensor.zeros(4, 3), true, Tensor.zeros(3, 2), false));
        assertTrue(e.getMessage().startsWith("matmul(A^T): inner dimensions differ (4 vs 3)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Linalg.matmul(Tensor.zeros(3), Tensor.zeros(3, 2)));
        assertTrue(e.getMessage().contains("rank") && e.getMessage().contains("[3]"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> Linalg.matmul(Tensor.zeros(2, 4, 3), Tensor.zeros(5, 3, 2)));
        assertTrue(e.getMessage().startsWith("matmul:") && e.getMessage().contains("[2, 4, 3]") && e.getMessage().contains("[5, 3, 2]"),
                e.getMessage());
    }

    @Test
    void tensorShortcutIsPlainMatmul() {
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}}), b = Tensor.of(new float[][] {{5, 6}, {7, 8}});
        assertArrayEquals(new float[] {19, 22, 43, 50}, a.matmul(b).data());
    }
}
