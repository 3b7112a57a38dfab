package io.normlab.tensor;

/**
 * {@link NormLoops} in plain Java: sums in four double accumulators (so the additions pipeline),
 * elementwise loops that C2 may vectorize. The reference for the Vector API loops.
 */
final class PlainNormLoops implements NormLoops {
    @Override
    public double sumDev(float[] x, int off, int len, float hi, float lo) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = off, end = off + len;
        for (; i + 3 < end; i += 4) {
            s0 += (x[i] - hi) - lo;
            s1 += (x[i + 1] - hi) - lo;
            s2 += (x[i + 2] - hi) - lo;
            s3 += (x[i + 3] - hi) - lo;
        }
        for (; i < end; i++) s0 += (x[i] - hi) - lo;
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double sumSqDev(float[] x, int off, int len, float hi, float lo) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = off, end = off + len;
        for (; i + 3 < end; i += 4) {
            float d0 = (x[i] - hi) - lo, d1 = (x[i + 1] - hi) - lo, d2 = (x[i + 2] - hi) - lo, d3 = (x[i + 3] - hi) - lo;
            s0 += (double) d0 * d0;
            s1 += (double) d1 * d1;
            s2 += (double) d2 * d2;
            s3 += (double) d3 * d3;
        }
        for (; i < end; i++) {
            float d = (x[i] - hi) - lo;
            s0 += (double) d * d;
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public void shiftedSums(float[] x, int off, int len, float shift, double[] out) {
        double s0 = 0, s1 = 0, q0 = 0, q1 = 0;
        int i = off, end = off + len;
        for (; i + 1 < end; i += 2) {
            float e0 = x[i] - shift, e1 = x[i + 1] - shift;
            s0 += e0;
            s1 += e1;
            q0 += (double) e0 * e0;
            q1 += (double) e1 * e1;
        }
        for (; i < end; i++) {
            float e = x[i] - shift;
            s0 += e;
            q0 += (double) e * e;
        }
        out[0] += s0 + s1;
        out[1] += q0 + q1;
    }

    @Override
    public void affine(float[] x, int off, int len, float hi, float lo, float a, float b, float[] y) {
        for (int i = off, end = off + len; i < end; i++) y[i] = ((x[i] - hi) - lo) * a + b;
    }

    @Override
    public void affineElement(float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, float[] beta, int pOff, float[] y) {
        int shift = pOff - off;
        for (int i = off, end = off + len; i < end; i++) {
            y[i] = ((x[i] - hi) - lo) * rstd * gamma[i + shift] + beta[i + shift];
        }
    }

    @Override
    public void dySums(float[] dy, float[] x, int off, int len, float hi, float lo, double[] out) {
        double a0 = 0, a1 = 0, b0 = 0, b1 = 0;
        int i = off, end = off + len;
        for (; i + 1 < end; i += 2) {
            a0 += dy[i];
            a1 += dy[i + 1];
            b0 += (double) dy[i] * ((x[i] - hi) - lo);
            b1 += (double) dy[i + 1] * ((x[i + 1] - hi) - lo);
        }
        for (; i < end; i++) {
            a0 += dy[i];
            b0 += (double) dy[i] * ((x[i] - hi) - lo);
        }
        out[0] += a0 + a1;
        out[1] += b0 + b1;
    }

    @Override
    public void dySumsElement(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
                              float[] dg, float[] db, double[] out) {
        double a = 0, b = 0;
        int shift = pOff - off;
        for (int i = off, end = off + len; i < end; i++) {
            float d = (x[i] - hi) - lo, g = gamma[i + shift];
            dg[i + shift] += dy[i] * d * rstd;
            db[i + shift] += dy[i];
            a += (double) g * dy[i];
            b += (double) g * dy[i] * d;
        }
        out[0] += a;
        out[1] += b;
    }

    @Override
    public void grad(float[] dy, float[] x, int off, int len, float hi, float lo, float k1, float k2, float k3, float[] dx) {
        for (int i = off, end = off + len; i < end; i++) dx[i] = k1 * dy[i] + k2 * ((x[i] - hi) - lo) + k3;
    }

    @Override
    public void gradElement(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
                            float k2, float k3, float[] dx) {
        int shift = pOff - off;
        for (int i = off, end = off + len; i < end; i++) {
            dx[i] = rstd * gamma[i + shift] * dy[i] + k2 * ((x[i] - hi) - lo) + k3;
        }
    }

    @Override
    public void colAccumulate(float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] acc, boolean square) {
        for (int j = 0; j < len; j++) {
            float d = (x[off + j] - hi[pOff + j]) - lo[pOff + j];
            acc[pOff + j] += square ? d * d : d;
        }
    }

    @Override
    public void colAffine(float[] x, int off, int len, float[] hi, float[] lo, float[] a, float[] b, int pOff, float[] y) {
        for (int j = 0; j < len; j++) y[off + j] = ((x[off + j] - hi[pOff + j]) - lo[pOff + j]) * a[pOff + j] + b[pOff + j];
    }

    @Override
    public void colDySums(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] sumDy, float[] sumDyD) {
        for (int j = 0; j < len; j++) {
            float g = dy[off + j];
            sumDy[pOff + j] += g;
            sumDyD[pOff + j] += g * ((x[off + j] - hi[pOff + j]) - lo[pOff + j]);
        }
    }

    @Override
    public void colGrad(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, float[] k1, float[] k2, float[] k3, int pOff, float[] dx) {
        for (int j = 0; j < len; j++) {
            int p = pOff + j;
            dx[off + j] = k1[p] * dy[off + j] + k2[p] * ((x[off + j] - hi[p]) - lo[p]) + k3[p];
        }
    }
}
