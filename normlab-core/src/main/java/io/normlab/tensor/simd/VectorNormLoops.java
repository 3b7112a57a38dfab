package io.normlab.tensor.simd;

import io.normlab.tensor.NormLoops;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link NormLoops} with the Vector API. Sums run in two vector accumulators over blocks of at
 * most {@link #BLOCK} elements, each block reduced across lanes in float and added in double; the
 * order depends only on the run. One loop per method, so that C2 compiles each with every
 * Vector API call intrinsified; a scalar loop finishes the last {@code len % VL} elements.
 * {@link #affine} and {@link #grad} (all arrays indexed alike) are plain loops that C2 vectorizes
 * itself: on rows of a few KiB they ran 6-11% faster than the Vector API loops (whose stores C2
 * does not align), measured A/B in one process on bn2d and gn.
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
        for (int b = off, end = off + len; b < end; b += BLOCK) total += VectorNormSums.sumDevBlock(x, b, Math.min(BLOCK, end - b), hi, lo);
        return total;
    }

    @Override
    public double sumSqDev(float[] x, int off, int len, float hi, float lo) {
        double total = 0;
        for (int b = off, end = off + len; b < end; b += BLOCK) total += VectorNormSums.sumSqDevBlock(x, b, Math.min(BLOCK, end - b), hi, lo);
        return total;
    }

    @Override
    public void shiftedSums(float[] x, int off, int len, float shift, double[] out) {
        for (int b = off, end = off + len; b < end; b += BLOCK) VectorNormSums.shiftedBlock(x, b, Math.min(BLOCK, end - b), shift, out);
    }

    @Override
    public void affine(float[] x, int off, int len, float hi, float lo, float a, float b, float[] y) {
        float c = b - lo * a;
        for (int i = off, end = off + len; i < end; i++) y[i] = (x[i] - hi) * a + c;
    }

    @Override
    public void affineElement(float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, float[] beta, int pOff, float[] y) {
        float c = -lo * rstd;
        FloatVector h = FloatVector.broadcast(S, hi), r = FloatVector.broadcast(S, rstd), cv = FloatVector.broadcast(S, c);
        int i = off, end = off + len, vend = off + S.loopBound(len), shift = pOff - off;
        for (; i < vend; i += VL) {
            FloatVector xhat = FloatVector.fromArray(S, x, i).sub(h).fma(r, cv);
            xhat.fma(FloatVector.fromArray(S, gamma, i + shift), FloatVector.fromArray(S, beta, i + shift)).intoArray(y, i);
        }
        for (; i < end; i++) y[i] = Math.fma(Math.fma(x[i] - hi, rstd, c), gamma[i + shift], beta[i + shift]);
    }

    @Override
    public void dySums(float[] dy, float[] x, int off, int len, float hi, float lo, double[] out) {
        for (int b = off, end = off + len; b < end; b += BLOCK) VectorNormSums.dySumsBlock(dy, x, b, Math.min(BLOCK, end - b), hi, lo, out);
    }

    @Override
    public void dySumsElement(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
                              float[] dg, float[] db, double[] out) {
        for (int b = off, end = off + len; b < end; b += BLOCK) {
            VectorNormSums.dySumsElementBlock(dy, x, b, Math.min(BLOCK, end - b), hi, lo, rstd, gamma, pOff + b - off, dg, db, out);
        }
    }

    @Override
    public void grad(float[] dy, float[] x, int off, int len, float hi, float lo, float k1, float k2, float k3, float[] dx) {
        float c = k3 - k2 * lo;
        for (int i = off, end = off + len; i < end; i++) dx[i] = dy[i] * k1 + ((x[i] - hi) * k2 + c);
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
        if (square) VectorNormColumns.squares(x, off, len, hi, lo, pOff, acc);
        else VectorNormColumns.deviations(x, off, len, hi, lo, pOff, acc);
    }

    @Override
    public void colAffine(float[] x, int off, int len, float[] hi, float[] lo, float[] a, float[] b, int pOff, float[] y) {
        VectorNormColumns.affine(x, off, len, hi, lo, a, b, pOff, y);
    }

    @Override
    public void colDySums(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] sumDy, float[] sumDyD) {
        VectorNormColumns.dySums(dy, x, off, len, hi, lo, pOff, sumDy, sumDyD);
    }

    @Override
    public void colGrad(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, float[] k1, float[] k2, float[] k3, int pOff, float[] dx) {
        VectorNormColumns.grad(dy, x, off, len, hi, lo, k1, k2, k3, pOff, dx);
    }
}
