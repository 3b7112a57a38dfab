package io.normlab.tensor.simd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * VectorExp gives exactly the bits of its formula evaluated with scalar IEEE operations: what
 * makes it independent of the JIT tier (the JDK's lanewise EXP/TANH are not). Within an ulp of
 * Math.tanh and the double-precision sigmoid.
 */
class VectorExpTest {
    private static double exp(double z) {
        double t = Math.fma(z, 1.4426950408889634, 6755399441055744.0), n = t - 6755399441055744.0;
        double r = (z - n * 6.93147180369123816490e-01) - n * 1.90821492927058770002e-10;
        double f = 1, p;
        double[] inv = new double[12];
        for (int i = 0; i < 12; i++) {
            if (i > 0) f *= i;
            inv[i] = 1 / f;
        }
        p = inv[11];
        for (int i = 10; i >= 0; i--) p = Math.fma(p, r, inv[i]);
        long bits = (Double.doubleToRawLongBits(t) - Double.doubleToRawLongBits(6755399441055744.0) + 1023) << 52;
        return p * Double.longBitsToDouble(bits);
    }

    private static float tanh(float xf) {
        double x = xf;
        if (Double.isNaN(x)) return Float.NaN;
        if (Math.abs(x) < 0.01) {
            double x2 = x * x;
            return (float) (x * (1 - x2 / 3 * (x2 * -0.4 + 1)));
        }
        return (float) (1 - 2 / (exp(Math.min(150, Math.max(-150, x + x))) + 1));
    }

    private static float sigmoid(float xf) {
        double x = xf;
        if (Double.isNaN(x)) return Float.NaN;
        return (float) (1 / (exp(Math.min(150, Math.max(-150, -x))) + 1));
    }

    @Test
    void vectorResultsAreTheScalarFormulaBitForBit() {
        Rng rng = new Rng(5);
        int n = 64 * VectorExp.LANES;
        float[] x = Tensor.randn(rng, n).data();
        for (int i = 0; i < n; i++) x[i] *= (i % 4 == 0) ? 40f : (i % 4 == 1) ? 0.004f : 3f;
        x[0] = Float.NaN;
        x[1] = Float.POSITIVE_INFINITY;
        x[2] = Float.NEGATIVE_INFINITY;
        x[3] = -0f;
        float[] t = new float[n], s = new float[n];
        for (int rep = 0; rep < 3000; rep++) { // later repetitions run compiled: the bits must not change
            for (int i = 0; i < n; i += VectorExp.LANES) {
                VectorExp.tanh(x, i, t, i);
                VectorExp.sigmoid(x, i, s, i);
            }
            if (rep % 1000 != 0) continue;
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(tanh(x[i])), Float.floatToIntBits(t[i]), "tanh(" + x[i] + ") at repetition " + rep);
                assertEquals(Float.floatToIntBits(sigmoid(x[i])), Float.floatToIntBits(s[i]), "sigmoid(" + x[i] + ") at repetition " + rep);
                if (!Float.isNaN(x[i])) {
                    float et = (float) Math.tanh(x[i]), es = (float) (1 / (1 + Math.exp(-(double) x[i])));
                    assertEquals(et, t[i], Math.ulp(et), "tanh accuracy at " + x[i]);
                    assertEquals(es, s[i], Math.max(Math.ulp(es), Float.MIN_NORMAL), "sigmoid accuracy at " + x[i]);
                }
            }
        }
    }
}
