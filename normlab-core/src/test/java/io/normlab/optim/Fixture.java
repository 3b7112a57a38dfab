package io.normlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.List;

/** Small parameters, seeded per-step gradients, and a double-precision mirror for reference loops. */
final class Fixture {
    private Fixture() {}

    static final int[][] SHAPES = {{3, 4}, {5}};

    /** Fresh trainable parameters, the same for the same seed. */
    static List<Var> params(long seed) {
        Rng rng = new Rng(seed);
        return List.of(Var.param(Tensor.randn(rng, SHAPES[0])), Var.param(Tensor.randn(rng, SHAPES[1])));
    }

    /** The gradient of parameter k at step t (t from 0): standard normal, seeded by (t, k). */
    static Tensor grad(int t, int k) {
        return Tensor.randn(new Rng(1000L * t + k + 17), SHAPES[k]);
    }

    /** Clears and sets every parameter's gradient to {@link #grad}, through a real backward pass. */
    static void setGrads(List<Var> ps, int t) {
        for (int k = 0; k < ps.size(); k++) {
            Var p = ps.get(k);
            p.zeroGrad();
            p.mul(Var.of(grad(t, k))).sum().backward();   // d/dp sum(p * c) = c
        }
    }

    static double[][] toDouble(List<Var> ps) {
        double[][] r = new double[ps.size()][];
        for (int k = 0; k < ps.size(); k++) {
            float[] d = ps.get(k).value().data();
            r[k] = new double[d.length];
            for (int i = 0; i < d.length; i++) r[k][i] = d[i];
        }
        return r;
    }

    static double[] gradDouble(int t, int k) {
        float[] g = grad(t, k).data();
        double[] r = new double[g.length];
        for (int i = 0; i < g.length; i++) r[i] = g[i];
        return r;
    }

    /** |actual - expected| <= rtol * max(|expected|, 1) for every element. */
    static void assertClose(String what, double[] expected, float[] actual, double rtol) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rtol * Math.max(Math.abs(expected[i]), 1), what + " element " + i);
        }
    }

    /** |actual - expected| <= rtol * max(|expected|, floor): relative down to {@code floor} (for state buffers). */
    static void assertRelative(String what, double[] expected, float[] actual, double rtol, double floor) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], rtol * Math.max(Math.abs(expected[i]), floor), what + " element " + i);
        }
    }
}
