package io.normlab.tensor.simd;

import io.normlab.tensor.NormLoops;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link NormLoops} with the Vector API. Sums run in two vector accumulators over blocks of at
 * most {@link #BLOCK} elements, each block reduced across lanes in float and added in double; the
 * order depends only on the run. One loop per method, so that C2 compiles each with every
 * Vector API call intrinsified; a scalar loop finishes the last {@code len % VL} elements.
 */
public final class VectorNormLoops implements NormLoops {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    private static final int BLOCK = 4096;

    /** Bits of the preferred vector species (512 with AVX-512). */
    public static int vectorBits() {
        return S.vectorBitSize();
    }

    @Override
    public double sumDev(float[] x, int off, int len, float hi, float lo) {
        double total = 0;
        for (int b = off, end = off + len; b < end; b += BLOCK) total += sumDevBlock(x, b, Math.min(BLOCK, end - b), hi, lo);
        return total;
    }

    private static double sumDevBlock(float[] x, int off, int len, float hi, float lo) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo);
        FloatVector a0 = FloatVector.zero(S), a1 = a0;
        int i = off, end = off + len, vend = off + (len & -(2 * VL));
        for (; i < vend; i += 2 * VL) {
            a0 = a0.add(FloatVector.fromArray(S, x, i).sub(h).sub(l));
            a1 = a1.add(FloatVector.fromArray(S, x, i + VL).sub(h).sub(l));
        }
        double s = a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) s += (x[i] - hi) - lo;
        return s;
    }

    @Override
    public double sumSqDev(float[] x, int off, int len, float hi, float lo) {
        double total = 0;
        for (int b = off, end = off + len; b < end; b += BLOCK) total += sumSqDevBlock(x, b, Math.min(BLOCK, end - b), hi, lo);
        return total;
    }

    private static double sumSqDevBlock(float[] x, int off, int len, float hi, float lo) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo);
        FloatVector a0 = FloatVector.zero(S), a1 = a0;
        int i = off, end = off + len, vend = off + (len & -(2 * VL));
        for (; i < vend; i += 2 * VL) {
            FloatVector d0 = FloatVector.fromArray(S, x, i).sub(h).sub(l);
            FloatVector d1 = FloatVector.fromArray(S, x, i + VL).sub(h).sub(l);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
        }
        double s = a0.add(a1).reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) {
            float d = (x[i] - hi) - lo;
            s += d * d;
        }
        return s;
    }

    @Override
    public void affine(float[] x, int off, int len, float hi, float lo, float a, float b, float[] y) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo);
        FloatVector av = FloatVector.broadcast(S, a), bv = FloatVector.broadcast(S, b);
        int i = off, end = off + len, vend = off + S.loopBound(len);
        for (; i < vend; i += VL) FloatVector.fromArray(S, x, i).sub(h).sub(l).fma(av, bv).intoArray(y, i);
        for (; i < end; i++) y[i] = ((x[i] - hi) - lo) * a + b;
    }

    @Override
    public void affineElement(float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, float[] beta, int pOff, float[] y) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo), r = FloatVector.broadcast(S, rstd);
        int i = off, end = off + len, vend = off + S.loopBound(len), shift = pOff - off;
        for (; i < vend; i += VL) {
            FloatVector g = FloatVector.fromArray(S, gamma, i + shift);
            FloatVector d = FloatVector.fromArray(S, x, i).sub(h).sub(l).mul(r);
            d.fma(g, FloatVector.fromArray(S, beta, i + shift)).intoArray(y, i);
        }
        for (; i < end; i++) y[i] = ((x[i] - hi) - lo) * rstd * gamma[i + shift] + beta[i + shift];
    }

    @Override
    public void dySums(float[] dy, float[] x, int off, int len, float hi, float lo, double[] out) {
        for (int b = off, end = off + len; b < end; b += BLOCK) dySumsBlock(dy, x, b, Math.min(BLOCK, end - b), hi, lo, out);
    }

    private static void dySumsBlock(float[] dy, float[] x, int off, int len, float hi, float lo, double[] out) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo);
        FloatVector a = FloatVector.zero(S), b = a;
        int i = off, end = off + len, vend = off + S.loopBound(len);
        for (; i < vend; i += VL) {
            FloatVector g = FloatVector.fromArray(S, dy, i);
            a = a.add(g);
            b = g.fma(FloatVector.fromArray(S, x, i).sub(h).sub(l), b);
        }
        double sa = a.reduceLanes(VectorOperators.ADD), sb = b.reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) {
            sa += dy[i];
            sb += dy[i] * ((x[i] - hi) - lo);
        }
        out[0] += sa;
        out[1] += sb;
    }

    @Override
    public void dySumsElement(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
                              float[] dg, float[] db, double[] out) {
        for (int b = off, end = off + len; b < end; b += BLOCK) {
            dySumsElementBlock(dy, x, b, Math.min(BLOCK, end - b), hi, lo, rstd, gamma, pOff + b - off, dg, db, out);
        }
    }

    private static void dySumsElementBlock(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
                                           float[] dg, float[] db, double[] out) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo), r = FloatVector.broadcast(S, rstd);
        FloatVector a = FloatVector.zero(S), b = a;
        int i = off, end = off + len, vend = off + S.loopBound(len), shift = pOff - off;
        for (; i < vend; i += VL) {
            int p = i + shift;
            FloatVector g = FloatVector.fromArray(S, dy, i);
            FloatVector d = FloatVector.fromArray(S, x, i).sub(h).sub(l);
            FloatVector gd = g.mul(FloatVector.fromArray(S, gamma, p));
            a = a.add(gd);
            b = gd.fma(d, b);
            g.mul(d).fma(r, FloatVector.fromArray(S, dg, p)).intoArray(dg, p);
            g.add(FloatVector.fromArray(S, db, p)).intoArray(db, p);
        }
        double sa = a.reduceLanes(VectorOperators.ADD), sb = b.reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) {
            int p = i + shift;
            float d = (x[i] - hi) - lo, gd = dy[i] * gamma[p];
            sa += gd;
            sb += gd * d;
            dg[p] += dy[i] * d * rstd;
            db[p] += dy[i];
        }
        out[0] += sa;
        out[1] += sb;
    }

    @Override
    public void grad(float[] dy, float[] x, int off, int len, float hi, float lo, float k1, float k2, float k3, float[] dx) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo);
        FloatVector v1 = FloatVector.broadcast(S, k1), v2 = FloatVector.broadcast(S, k2), v3 = FloatVector.broadcast(S, k3);
        int i = off, end = off + len, vend = off + S.loopBound(len);
        for (; i < vend; i += VL) {
            FloatVector d = FloatVector.fromArray(S, x, i).sub(h).sub(l);
            FloatVector.fromArray(S, dy, i).fma(v1, d.fma(v2, v3)).intoArray(dx, i);
        }
        for (; i < end; i++) dx[i] = k1 * dy[i] + k2 * ((x[i] - hi) - lo) + k3;
    }

    @Override
    public void gradElement(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
                            float k2, float k3, float[] dx) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo), r = FloatVector.broadcast(S, rstd);
        FloatVector v2 = FloatVector.broadcast(S, k2), v3 = FloatVector.broadcast(S, k3);
        int i = off, end = off + len, vend = off + S.loopBound(len), shift = pOff - off;
        for (; i < vend; i += VL) {
            FloatVector d = FloatVector.fromArray(S, x, i).sub(h).sub(l);
            FloatVector k1 = FloatVector.fromArray(S, gamma, i + shift).mul(r);
            FloatVector.fromArray(S, dy, i).fma(k1, d.fma(v2, v3)).intoArray(dx, i);
        }
        for (; i < end; i++) dx[i] = rstd * gamma[i + shift] * dy[i] + k2 * ((x[i] - hi) - lo) + k3;
    }

    @Override
    public void colAccumulate(float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] acc, boolean square) {
        if (square) colSquares(x, off, len, hi, lo, pOff, acc);
        else colDeviations(x, off, len, hi, lo, pOff, acc);
    }

    private static void colDeviations(float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] acc) {
        int j = 0, vend = S.loopBound(len);
        for (; j < vend; j += VL) {
            int p = pOff + j;
            FloatVector d = FloatVector.fromArray(S, x, off + j).sub(FloatVector.fromArray(S, hi, p)).sub(FloatVector.fromArray(S, lo, p));
            d.add(FloatVector.fromArray(S, acc, p)).intoArray(acc, p);
        }
        for (; j < len; j++) acc[pOff + j] += (x[off + j] - hi[pOff + j]) - lo[pOff + j];
    }

    private static void colSquares(float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] acc) {
        int j = 0, vend = S.loopBound(len);
        for (; j < vend; j += VL) {
            int p = pOff + j;
            FloatVector d = FloatVector.fromArray(S, x, off + j).sub(FloatVector.fromArray(S, hi, p)).sub(FloatVector.fromArray(S, lo, p));
            d.fma(d, FloatVector.fromArray(S, acc, p)).intoArray(acc, p);
        }
        for (; j < len; j++) {
            float d = (x[off + j] - hi[pOff + j]) - lo[pOff + j];
            acc[pOff + j] += d * d;
        }
    }

    @Override
    public void colAffine(float[] x, int off, int len, float[] hi, float[] lo, float[] a, float[] b, int pOff, float[] y) {
        int j = 0, vend = S.loopBound(len);
        for (; j < vend; j += VL) {
            int p = pOff + j;
            FloatVector d = FloatVector.fromArray(S, x, off + j).sub(FloatVector.fromArray(S, hi, p)).sub(FloatVector.fromArray(S, lo, p));
            d.fma(FloatVector.fromArray(S, a, p), FloatVector.fromArray(S, b, p)).intoArray(y, off + j);
        }
        for (; j < len; j++) {
            int p = pOff + j;
            y[off + j] = ((x[off + j] - hi[p]) - lo[p]) * a[p] + b[p];
        }
    }

    @Override
    public void colDySums(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] sumDy, float[] sumDyD) {
        int j = 0, vend = S.loopBound(len);
        for (; j < vend; j += VL) {
            int p = pOff + j;
            FloatVector g = FloatVector.fromArray(S, dy, off + j);
            FloatVector d = FloatVector.fromArray(S, x, off + j).sub(FloatVector.fromArray(S, hi, p)).sub(FloatVector.fromArray(S, lo, p));
            g.add(FloatVector.fromArray(S, sumDy, p)).intoArray(sumDy, p);
            g.fma(d, FloatVector.fromArray(S, sumDyD, p)).intoArray(sumDyD, p);
        }
        for (; j < len; j++) {
            int p = pOff + j;
            float g = dy[off + j];
            sumDy[p] += g;
            sumDyD[p] += g * ((x[off + j] - hi[p]) - lo[p]);
        }
    }

    @Override
    public void colGrad(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, float[] k1, float[] k2, float[] k3, int pOff, float[] dx) {
        int j = 0, vend = S.loopBound(len);
        for (; j < vend; j += VL) {
            int p = pOff + j;
            FloatVector d = FloatVector.fromArray(S, x, off + j).sub(FloatVector.fromArray(S, hi, p)).sub(FloatVector.fromArray(S, lo, p));
            FloatVector t = d.fma(FloatVector.fromArray(S, k2, p), FloatVector.fromArray(S, k3, p));
            FloatVector.fromArray(S, dy, off + j).fma(FloatVector.fromArray(S, k1, p), t).intoArray(dx, off + j);
        }
        for (; j < len; j++) {
            int p = pOff + j;
            dx[off + j] = k1[p] * dy[off + j] + k2[p] * ((x[off + j] - hi[p]) - lo[p]) + k3[p];
        }
    }
}
