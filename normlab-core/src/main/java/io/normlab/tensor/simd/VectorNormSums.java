package io.normlab.tensor.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The summing loops of {@link VectorNormLoops} over one block of at most a few thousand elements:
 * sums in vector lanes (float), reduced pairwise across lanes ({@link LaneSum}) and returned or added
 * in double. One loop per method, so that C2 compiles each with every Vector API call
 * intrinsified; a scalar loop finishes the last {@code len % VL} elements.
 */
final class VectorNormSums {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();

    private VectorNormSums() {}

    static double sumDevBlock(float[] x, int off, int len, float hi, float lo) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo);
        FloatVector a0 = FloatVector.zero(S), a1 = a0;
        int i = off, end = off + len, vend = off + (len & -(2 * VL));
        for (; i < vend; i += 2 * VL) {
            a0 = a0.add(FloatVector.fromArray(S, x, i).sub(h).sub(l));
            a1 = a1.add(FloatVector.fromArray(S, x, i + VL).sub(h).sub(l));
        }
        double s = LaneSum.sum(a0.add(a1));
        for (; i < end; i++) s += (x[i] - hi) - lo;
        return s;
    }

    static double sumSqDevBlock(float[] x, int off, int len, float hi, float lo) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo);
        FloatVector a0 = FloatVector.zero(S), a1 = a0;
        int i = off, end = off + len, vend = off + (len & -(2 * VL));
        for (; i < vend; i += 2 * VL) {
            FloatVector d0 = FloatVector.fromArray(S, x, i).sub(h).sub(l);
            FloatVector d1 = FloatVector.fromArray(S, x, i + VL).sub(h).sub(l);
            a0 = d0.fma(d0, a0);
            a1 = d1.fma(d1, a1);
        }
        double s = LaneSum.sum(a0.add(a1));
        for (; i < end; i++) {
            float d = (x[i] - hi) - lo;
            s += d * d;
        }
        return s;
    }

    static void dySumsBlock(float[] dy, float[] x, int off, int len, float hi, float lo, double[] out) {
        FloatVector h = FloatVector.broadcast(S, hi), l = FloatVector.broadcast(S, lo);
        FloatVector a = FloatVector.zero(S), b = a;
        int i = off, end = off + len, vend = off + S.loopBound(len);
        for (; i < vend; i += VL) {
            FloatVector g = FloatVector.fromArray(S, dy, i);
            a = a.add(g);
            b = g.fma(FloatVector.fromArray(S, x, i).sub(h).sub(l), b);
        }
        double sa = LaneSum.sum(a), sb = LaneSum.sum(b);
        for (; i < end; i++) {
            sa += dy[i];
            sb += dy[i] * ((x[i] - hi) - lo);
        }
        out[0] += sa;
        out[1] += sb;
    }

    static void dySumsElementBlock(float[] dy, float[] x, int off, int len, float hi, float lo, float rstd, float[] gamma, int pOff,
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
        double sa = LaneSum.sum(a), sb = LaneSum.sum(b);
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

    static void shiftedBlock(float[] x, int off, int len, float shift, double[] out) {
        FloatVector h = FloatVector.broadcast(S, shift);
        FloatVector s0 = FloatVector.zero(S), s1 = s0, q0 = s0, q1 = s0;
        int i = off, end = off + len, vend = off + (len & -(2 * VL));
        for (; i < vend; i += 2 * VL) {
            FloatVector e0 = FloatVector.fromArray(S, x, i).sub(h), e1 = FloatVector.fromArray(S, x, i + VL).sub(h);
            s0 = s0.add(e0);
            s1 = s1.add(e1);
            q0 = e0.fma(e0, q0);
            q1 = e1.fma(e1, q1);
        }
        double s = LaneSum.sum(s0.add(s1)), q = LaneSum.sum(q0.add(q1));
        for (; i < end; i++) {
            float e = x[i] - shift;
            s += e;
            q += e * e;
        }
        out[0] += s;
        out[1] += q;
    }
}
