package io.normlab.tensor;

import java.util.Arrays;

/**
 * Matrix products through the current {@link Gemm} kernel.
 *
 * <p>{@link #matmul}: 2-D (m,k) x (k,n) -> (m,n); batched (..., m, k) x (..., k, n) with the batch
 * dimensions broadcast (a 2-D operand is shared by every batch entry).
 */
public final class Linalg {
    private Linalg() {}

    /** {@code a @ b} (2-D or batched). */
    public static Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, false, b, false);
    }

    /**
     * {@code op(a) @ op(b)} where {@code op} transposes the last two dims when its flag is set.
     * 2-D and batched as in {@link #matmul(Tensor, Tensor)}.
     */
    public static Tensor matmul(Tensor a, boolean transA, Tensor b, boolean transB) {
        int[] sa = a.shape(), sb = b.shape();
        if (sa.length < 2 || sb.length < 2) throw ShapeException.of("matmul", "operands must have rank >= 2", sa, sb);
        int ra = sa.length, rb = sb.length;
        int m = transA ? sa[ra - 1] : sa[ra - 2], ka = transA ? sa[ra - 2] : sa[ra - 1];
        int kb = transB ? sb[rb - 1] : sb[rb - 2], n = transB ? sb[rb - 2] : sb[rb - 1];
        if (ka != kb) {
            throw ShapeException.of("matmul" + (transA ? "(A^T)" : "") + (transB ? "(B^T)" : ""), "inner dimensions differ (" + ka + " vs " + kb + ")", sa, sb);
        }
        int[] batchA = Arrays.copyOf(sa, ra - 2), batchB = Arrays.copyOf(sb, rb - 2);
        int[] batch;
        try {
            batch = Shape.broadcast("matmul", batchA, batchB);
        } catch (ShapeException e) {
            throw ShapeException.of("matmul", "batch dimensions " + Shape.str(batchA) + " and " + Shape.str(batchB) + " do not broadcast", sa, sb);
        }
        int nb = Shape.numel(batch);
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        float[] c = new float[Shape.numel(outShape)];
        int[] stA = Elementwise.broadcastStrides(batchA, batch.length, batch);
        int[] stB = Elementwise.broadcastStrides(batchB, batch.length, batch);
        Gemm g = Gemm.current();
        int sizeA = m * ka, sizeB = ka * n;
        for (int bi = 0; bi < nb; bi++) {
            int ia = 0, ib = 0, rem = bi;
            for (int d = batch.length - 1; d >= 0; d--) {
                int i = rem % batch[d];
                rem /= batch[d];
                ia += i * stA[d];
                ib += i * stB[d];
            }
            g.gemm(transA, transB, m, n, ka, a.data(), ia * sizeA, b.data(), ib * sizeB, c, bi * m * n, false);
        }
        return Tensor.wrap(c, outShape);
    }
}
