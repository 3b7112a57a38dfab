package io.normlab.tensor.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * tanh and the logistic sigmoid of float lanes, computed in double from one exponential built of
 * additions, multiplications, fused multiply-adds, conversions and bit operations only: every
 * one of those is exactly rounded, so the compiled code and the Vector API's Java fallback give
 * the same bits, and results do not depend on the JIT's progress. (The JDK's lanewise EXP and
 * TANH do: compiled they call Intel SVML, before that {@code Math.exp}/{@code Math.tanh}, which
 * differ in the last bit.)
 * <pre>
 *   e^z = 2^n * p(r),  n = round(z log2 e),  r = z - n ln2 (ln2 in two parts, |r| &lt;= 0.35),
 *         p = Taylor polynomial of degree 11 (relative error below 1e-14)
 *   tanh x    = 1 - 2 / (e^{2x} + 1),  or x (1 - x^2/3 (1 - 0.4 x^2)) for |x| &lt; 0.01
 *   sigmoid x = 1 / (1 + e^{-x})
 * </pre>
 * Arguments are clamped to [-150, 150], where both functions are saturated in float; NaN stays
 * NaN. Each result is the double value rounded once to float: within an ulp of the exact value.
 * Works on {@link #LANES} floats at a time (half a preferred float vector, widened to doubles).
 */
final class VectorExp {
    static final VectorSpecies<Float> F = VectorSpecies.of(float.class,
            VectorShape.forBitSize(Math.max(64, FloatVector.SPECIES_PREFERRED.vectorBitSize() / 2)));
    static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorShape.forBitSize(F.length() * 64));
    static final int LANES = F.length();

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to an integer, which then sits in the low bits. */
    private static final double ROUND = 6755399441055744.0;
    private static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);
    private static final double LIMIT = 150;
    private static final double[] INV_FACTORIAL = new double[12];

    static {
        double f = 1;
        for (int i = 0; i < INV_FACTORIAL.length; i++) {
            if (i > 0) f *= i;
            INV_FACTORIAL[i] = 1 / f;
        }
    }

    private VectorExp() {}

    /** e^z for |z| &lt;= LIMIT. */
    static DoubleVector exp(DoubleVector z) {
        DoubleVector t = z.fma(LOG2E, ROUND);
        DoubleVector n = t.sub(ROUND);
        DoubleVector r = z.sub(n.mul(LN2_HI)).sub(n.mul(LN2_LO)); // n * LN2_HI is exact (LN2_HI ends in zero bits)
        DoubleVector p = DoubleVector.broadcast(D, INV_FACTORIAL[11]);
        for (int i = 10; i >= 0; i--) p = p.fma(r, DoubleVector.broadcast(D, INV_FACTORIAL[i]));
        DoubleVector scale = t.reinterpretAsLongs().sub(ROUND_BITS - 1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(scale);
    }

    /** tanh of {@code x[xOff ... xOff + LANES)} into y. */
    static void tanh(float[] x, int xOff, float[] y, int yOff) {
        DoubleVector v = widen(x, xOff);
        DoubleVector e = exp(v.add(v).max(-LIMIT).min(LIMIT));
        DoubleVector t = DoubleVector.broadcast(D, 1).sub(DoubleVector.broadcast(D, 2).div(e.add(1)));
        DoubleVector v2 = v.mul(v);
        DoubleVector series = v.mul(DoubleVector.broadcast(D, 1).sub(v2.div(3).mul(v2.mul(-0.4).add(1))));
        VectorMask<Double> small = v.abs().compare(VectorOperators.LT, 0.01);
        narrow(keepNaN(t.blend(series, small), v), y, yOff);
    }

    /** The logistic sigmoid of {@code x[xOff ... xOff + LANES)} into y. */
    static void sigmoid(float[] x, int xOff, float[] y, int yOff) {
        DoubleVector v = widen(x, xOff);
        DoubleVector e = exp(v.neg().max(-LIMIT).min(LIMIT));
        narrow(keepNaN(DoubleVector.broadcast(D, 1).div(e.add(1)), v), y, yOff);
    }

    private static DoubleVector widen(float[] x, int off) {
        return (DoubleVector) FloatVector.fromArray(F, x, off).convertShape(VectorOperators.F2D, D, 0);
    }

    private static void narrow(DoubleVector v, float[] y, int off) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(y, off);
    }

    private static DoubleVector keepNaN(DoubleVector result, DoubleVector in) {
        return result.blend(in, in.compare(VectorOperators.NE, in));
    }
}
