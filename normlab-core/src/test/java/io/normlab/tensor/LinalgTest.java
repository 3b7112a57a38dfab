package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Matrix products against a naive triple loop in double, for every GEMM kernel (the plain-Java
 * {@link BlockedGemm}: 4-row groups, 16-row chunks, KC = 256, NC = 512; and, when the Vector API is
 * present, {@code VectorGemm}: MR = 4, NR = 4 vectors (64 floats with AVX-512), MC = 64, KC = 128,
 * NC = 1024, B read in place up to 64 rows of A and packed above, products of 8-64 MFLOP cut into
 * one part per thread by rows or by columns, narrow kernels for a last block
 * of 1, 2 or 3 vectors, dot products for a small A B^T with a long k). Sizes straddle those blocks. A float sum of k products is within {@code k * eps32 * sum|a||b|} of
 * the exact value (the standard gamma_k bound), so the tolerance below cannot fail on a correct
 * kernel and an indexing bug is orders of magnitude over it.
 */
class LinalgTest {
    private static final int[][] SIZES = { // m, n, k
        {1, 1, 1}, {1, 3, 17}, {3, 1, 67}, {17, 67, 3}, {67, 130, 17}, {130, 17, 257},
        {257, 3, 130}, {3, 600, 257}, {67, 600, 600}, {600, 17, 67}, {5, 0, 3}, {4, 5, 0},
        {3, 2100, 17}, {130, 1030, 5}, {19, 100, 33}, {33, 40, 300}, {64, 129, 31}, {65, 200, 9}, {9, 33, 785}, {4, 8, 300}, {130, 70, 600}, {70, 197, 600},
    };

    /** The GEMM kernels to test: the plain-Java one and the one selected at run time if different. */
    static List<Gemm> kernels() {
        List<Gemm> ks = new ArrayList<>(List.of(new BlockedGemm()));
        Gemm chosen = Backend.defaultGemm();
        if (!(chosen instanceof BlockedGemm)) ks.add(chosen);
        return ks;
    }

    static void assertGemmClose(double[] ref, double[] abs, int k, float[] c, int cOff, String what) {
        double eps = Math.ulp(1f);
        for (int i = 0; i < ref.length; i++) {
            double tol = (k + 1) * eps * abs[i] + 1e-30;
            if (!(Math.abs(ref[i] - c[cOff + i]) <= tol)) fail(what + " element " + i + ": expected " + ref[i] + ", got " + c[cOff + i]);
        }
    }

    @Test
    void everyKernelMatchesTheTripleLoopInAllTransposeVariants() {
        Rng rng = new Rng(21);
        for (Gemm kernel : kernels()) {
            for (int[] s : SIZES) {
                int m = s[0], n = s[1], k = s[2];
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) {
                        float[] a = Tensor.randn(rng, m * k).data(), b = Tensor.randn(rng, k * n).data();
                        float[] c = Tensor.randn(rng, m * n).data(); // garbage that accumulate=false must clear
                        kernel.gemm(ta, tb, m, n, k, a, 0, b, 0, c, 0, false);
                        String what = kernel.getClass().getSimpleName() + " m=" + m + " n=" + n + " k=" + k + " transA=" + ta + " transB=" + tb;
                        assertGemmClose(Naive.gemm(ta, tb, m, n, k, a, b), Naive.gemmAbs(ta, tb, m, n, k, a, b), k, c, 0, what);
                    }
                }
            }
        }
    }

    @Test
    void matmul2dGoesThroughTheCurrentKernel() {
        Rng rng = new Rng(24);
        Tensor a = Tensor.randn(rng, 67, 130), b = Tensor.randn(rng, 130, 17);
        Tensor c = Linalg.matmul(a, b);
        assertArrayEquals(new int[] {67, 17}, c.shape());
        assertGemmClose(Naive.gemm(false, false, 67, 17, 130, a.data(), b.data()),
                Naive.gemmAbs(false, false, 67, 17, 130, a.data(), b.data()), 130, c.data(), 0, "matmul");
        Tensor at = Tensor.randn(rng, 130, 67), bt = Tensor.randn(rng, 17, 130);
        Tensor ct = Linalg.matmul(at, true, bt, true);
        assertGemmClose(Naive.gemm(true, true, 67, 17, 130, at.data(), bt.data()),
                Naive.gemmAbs(true, true, 67, 17, 130, at.data(), bt.data()), 130, ct.data(), 0, "matmul A^T B^T");
    }

    @Test
    void gemmHonoursOffsetsAndAccumulate() {
        for (Gemm kernel : kernels()) {
            Rng rng = new Rng(22);
            int m = 19, n = 530, k = 260;
            float[] a = Tensor.randn(rng, 7 + m * k).data(), b = Tensor.randn(rng, 5 + k * n).data();
            float[] c = Tensor.randn(rng, 3 + m * n + 4).data();
            float[] c0 = c.clone();
            kernel.gemm(false, false, m, n, k, a, 7, b, 5, c, 3, true);
            float[] aa = Arrays.copyOfRange(a, 7, 7 + m * k), bb = Arrays.copyOfRange(b, 5, 5 + k * n);
            double[] ref = Naive.gemm(false, false, m, n, k, aa, bb), abs = Naive.gemmAbs(false, false, m, n, k, aa, bb);
            for (int i = 0; i < ref.length; i++) {
                ref[i] += c0[3 + i];
                abs[i] += Math.abs(c0[3 + i]);
            }
            String what = kernel.getClass().getSimpleName();
            assertGemmClose(ref, abs, k, c, 3, what + " accumulate with offsets");
            for (int i = 0; i < 3; i++) assertEquals(c0[i], c[i], 0f, what + ": before cOff untouched");
            for (int i = 3 + m * n; i < c.length; i++) assertEquals(c0[i], c[i], 0f, what + ": after the block untouched");
            kernel.gemm(true, true, 2, 2, 0, a, 0, b, 0, c, 0, false);
            assertArrayEquals(new float[4], Arrays.copyOf(c, 4), what + ": k = 0 without accumulate gives zeros");
        }
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
                    int[] batchA = Arrays.copyOf(sa, ra - 2), batchB = Arrays.copyOf(sb, rb - 2);
                    int[] batch = Shape.broadcast("test", batchA, batchB);
                    int[] out = Arrays.copyOf(batch, batch.length + 2);
                    out[batch.length] = m;
                    out[batch.length + 1] = n;
                    assertArrayEquals(out, c.shape());
                    for (int bi = 0; bi < Shape.numel(batch); bi++) {
                        int[] idx = Naive.unravel(bi, batch);
                        int ia = Naive.broadcastSource(idx, batchA), ib = Naive.broadcastSource(idx, batchB);
                        float[] am = Arrays.copyOfRange(a.data(), ia * m * k, (ia + 1) * m * k);
                        float[] bm = Arrays.copyOfRange(b.data(), ib * k * n, (ib + 1) * k * n);
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
