package io.normlab.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The activation loops of both compute paths against the double-precision functions: tanh and
 * sigmoid within 2 ulp (the scalar tanh within 1; a sigmoid below the normal float range may
 * flush to zero, as e^95 overflows a float), special values, the leaky ReLU's signed zeros
 * and NaN, odd lengths (vector tails) and offsets.
 */
class MathLoopsTest {
    private static float[] inputs() {
        Rng rng = new Rng(5);
        float[] x = new float[1000 + 13];
        for (int i = 0; i < x.length; i++) {
            double scale = Math.pow(10, rng.nextInt(9) - 5); // 1e-5 .. 1e3
            x[i] = (float) (rng.nextGaussian() * scale);
        }
        x[0] = 0f;
        x[1] = -0f;
        x[2] = Float.POSITIVE_INFINITY;
        x[3] = Float.NEGATIVE_INFINITY;
        x[4] = 1000f;
        x[5] = -1000f;
        return x;
    }

    @Test
    void scalarTanhIsWithinAnUlpOfMathTanh() {
        for (float x : inputs()) {
            float expected = (float) Math.tanh(x);
            assertEquals(expected, MathLoops.tanh(x), Math.ulp(expected), () -> "tanh(" + x + ")");
        }
        assertEquals(Float.NaN, MathLoops.tanh(Float.NaN));
        assertEquals(Float.NaN, MathLoops.sigmoid(Float.NaN));
    }

    @Test
    void tanhAndSigmoidLoopsAreWithinTwoUlpOnBothPaths() {
        float[] x = inputs();
        for (MathLoops m : List.of(MathLoops.plain(), MathLoops.current())) {
            String k = m.getClass().getSimpleName();
            float[] t = new float[x.length + 3], s = new float[x.length + 3];
            m.tanh(x, 0, t, 3, x.length);
            m.sigmoid(x, 0, s, 3, x.length);
            for (int i = 0; i < x.length; i++) {
                float et = (float) Math.tanh(x[i]), es = (float) (1.0 / (1.0 + Math.exp(-x[i])));
                assertEquals(et, t[i + 3], 2 * Math.ulp(et), k + " tanh(" + x[i] + ")");
                assertEquals(es, s[i + 3], Math.max(2 * Math.ulp(es), Float.MIN_NORMAL), k + " sigmoid(" + x[i] + ")");
            }
            float[] nan = {Float.NaN, 1f, Float.NaN};
            m.tanh(nan, 0, nan, 0, 3);
            assertTrue(Float.isNaN(nan[0]) && Float.isNaN(nan[2]), k + ": NaN stays NaN, in place");
            assertEquals((float) Math.tanh(1f), nan[1], Math.ulp(1f), k);
        }
    }

    @Test
    void leakyReluGivesPositiveZerosAndKeepsNanOnBothPaths() {
        float[] x = inputs();
        x[6] = Float.NaN;
        for (MathLoops m : List.of(MathLoops.plain(), MathLoops.current())) {
            String k = m.getClass().getSimpleName();
            for (float slope : new float[] {0f, 0.01f}) {
                float[] y = new float[x.length], g = new float[x.length];
                m.leakyRelu(x, slope, y, 0, x.length);
                float[] up = new float[x.length];
                java.util.Arrays.fill(up, -2f);
                m.leakyReluGrad(up, x, slope, g, 0, x.length);
                for (int i = 0; i < x.length; i++) {
                    float ey = x[i] > 0f ? x[i] : slope * x[i] + 0f, eg = x[i] > 0f ? -2f : slope * -2f + 0f;
                    assertEquals(Float.floatToIntBits(ey), Float.floatToIntBits(y[i]), k + " leaky_relu(" + x[i] + ", " + slope + ")");
                    assertEquals(Float.floatToIntBits(eg), Float.floatToIntBits(g[i]), k + " gradient at " + x[i]);
                }
                assertEquals(0, Float.floatToIntBits(y[1]), k + ": relu(-0) is +0");
            }
        }
    }
}
