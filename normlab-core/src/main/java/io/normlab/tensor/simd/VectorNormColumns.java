package io.normlab.tensor.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The column loops of {@link VectorNormLoops} (see {@link io.normlab.tensor.NormLoops}): one row
 * {@code x[off + j]}, {@code j < len}, of a row-major matrix whose column j has its own parameters
 * {@code p[pOff + j]}, vectorized across columns; a scalar loop finishes the last {@code len % VL}.
 */
final class VectorNormColumns {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    private VectorNormColumns() {}

    static void deviations(float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] acc) {
        int j = 0, vend = S.loopBound(len);
        for (; j < vend; j += VL) {
            int p = pOff + j;
            FloatVector d = FloatVector.fromArray(S, x, off + j).sub(FloatVector.fromArray(S, hi, p)).sub(FloatVector.fromArray(S, lo, p));
            d.add(FloatVector.fromArray(S, acc, p)).intoArray(acc, p);
        }
        for (; j < len; j++) acc[pOff + j] += (x[off + j] - hi[pOff + j]) - lo[pOff + j];
    }

    static void squares(float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] acc) {
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

    static void affine(float[] x, int off, int len, float[] hi, float[] lo, float[] a, float[] b, int pOff, float[] y) {
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

    static void dySums(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, int pOff, float[] sumDy, float[] sumDyD) {
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

    static void grad(float[] dy, float[] x, int off, int len, float[] hi, float[] lo, float[] k1, float[] k2, float[] k3, int pOff, float[] dx) {
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
