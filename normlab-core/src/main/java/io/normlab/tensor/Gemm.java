package io.normlab.tensor;

/**
 * General matrix multiply on row-major float arrays, the one interface every matrix product in
 * NormLab goes through, so the kernel behind it can be swapped (see {@link #current()}).
 *
 * <p>{@code C[m x n] = op(A) * op(B)} (or {@code C += ...} when {@code accumulate}), where
 * {@code op(A)} is {@code A} stored as m x k, or {@code A^T} with A stored as k x m when
 * {@code transA}; likewise {@code op(B)} is k x n, stored as n x k when {@code transB}. Rows are
 * contiguous (leading dimension = row length). Implementations must be deterministic: the value of
 * each element of C may not depend on the thread count.
 */
public interface Gemm {
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, float[] b, int bOff, float[] c, int cOff, boolean accumulate);

    /** The kernel in use (default: chosen by {@link Backend}). */
    static Gemm current() {
        return Holder.current;
    }

    /** Replaces the kernel in use, e.g. with a faster one; returns the previous kernel. */
    static Gemm use(Gemm kernel) {
        Gemm old = Holder.current;
        Holder.current = java.util.Objects.requireNonNull(kernel);
        return old;
    }

    /** Holds the selected kernel. */
    final class Holder {
        private static volatile Gemm current = Backend.defaultGemm();

        private Holder() {}
    }
}
