package io.normlab.nn.init;

/** Reduced QR of a tall matrix by Householder reflections, in double (used by {@link Init#orthogonal}). */
final class Householder {
    private Householder() {}

    /**
     * The reduced Q (m x n, row-major) of a row-major m x n matrix {@code a} with m &gt;= n, with
     * columns signed so that diag(R) &gt; 0: the unique QR factor, as torch's
     * {@code q *= sign(diag(r))}. {@code a} is overwritten.
     */
    static double[] orthonormalColumns(double[] a, int m, int n) {
        double[][] v = new double[n][];
        double[] rDiag = new double[n];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) norm += a[i * n + k] * a[i * n + k];
            norm = Math.sqrt(norm);
            double x0 = a[k * n + k];
            double alpha = x0 > 0 ? -norm : norm;          // reflect away from x0: no cancellation
            double[] vk = new double[m - k];
            for (int i = k; i < m; i++) vk[i - k] = a[i * n + k];
            vk[0] -= alpha;
            double vn = 0;
            for (double e : vk) vn += e * e;
            rDiag[k] = alpha;
            if (vn == 0) continue;                          // column already zero below the diagonal
            vn = Math.sqrt(vn);
            for (int i = 0; i < vk.length; i++) vk[i] /= vn;
            v[k] = vk;
            reflect(vk, k, a, m, n, k);
        }
        double[] q = new double[m * n];
        for (int j = 0; j < n; j++) q[j * n + j] = 1;
        for (int k = n - 1; k >= 0; k--) if (v[k] != null) reflect(v[k], k, q, m, n, 0);
        for (int j = 0; j < n; j++) {
            if (rDiag[j] < 0) for (int i = 0; i < m; i++) q[i * n + j] = -q[i * n + j];
        }
        return q;
    }

    /** Applies H = I - 2 v v^T (v on rows k..m-1) to columns [from, n) of the m x n matrix x. */
    private static void reflect(double[] v, int k, double[] x, int m, int n, int from) {
        for (int j = from; j < n; j++) {
            double dot = 0;
            for (int i = k; i < m; i++) dot += v[i - k] * x[i * n + j];
            dot *= 2;
            for (int i = k; i < m; i++) x[i * n + j] -= dot * v[i - k];
        }
    }
}
