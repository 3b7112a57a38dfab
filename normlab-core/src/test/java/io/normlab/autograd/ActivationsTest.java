package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Values and gradient checks of {@link Activations}. */
class ActivationsTest {
    private final Rng rng = new Rng(81);

    /** Normal values pushed at least {@code gap} away from 0, the kink of relu and leaky relu. */
    private Tensor awayFromKink(float gap, int... shape) {
        Tensor t = Tensor.randn(rng, shape);
        for (int i = 0; i < t.numel(); i++) {
            float v = t.data()[i];
            t.data()[i] = v >= 0 ? v + gap : v - gap;
        }
        return t;
    }

    @Test
    void smoothActivationsPassGradcheck() {
        Var x = Var.param(Tensor.randn(rng, 0f, 2f, 4, 5));
        GradCheck.defaults().check(v -> v[0].sigmoid(), x);
        GradCheck.defaults().check(v -> v[0].tanh(), x);
        GradCheck.defaults().check(v -> Activations.gelu(v[0]), x);
        GradCheck.defaults().check(v -> Activations.gelu(v[0]), Var.param(Tensor.uniform(rng, -6f, 6f, 10)));
    }

    @Test
    void reluAndLeakyReluPassGradcheckAwayFromTheKink() {
        Var x = Var.param(awayFromKink(0.1f, 4, 5));
        GradCheck.defaults().check(v -> v[0].relu(), x);
        GradCheck.defaults().check(v -> Activations.leakyRelu(v[0], 0.01f), x);
        GradCheck.defaults().check(v -> Activations.leakyRelu(v[0], 0.2f).mul(v[0]), x);
    }

    @Test
    void reluValuesAndTheDerivativeAtZero() {
        Var x = Var.param(Tensor.of(new float[] {-2f, 0f, 3f}, 3));
        Var y = x.relu();
        assertArrayEquals(new float[] {0f, 0f, 3f}, y.value().data());
        y.backward(Tensor.ones(3));
        assertArrayEquals(new float[] {0f, 0f, 1f}, x.grad().data(), "derivative 0 at x = 0, as PyTorch");
        Var z = Var.param(Tensor.of(new float[] {-2f, 0f, 3f}, 3));
        Var l = Activations.leakyRelu(z, 0.1f);
        assertArrayEquals(new float[] {-0.2f, 0f, 3f}, l.value().data());
        l.backward(Tensor.ones(3));
        assertArrayEquals(new float[] {0.1f, 0.1f, 1f}, z.grad().data());
        Tensor nan = Var.of(Tensor.of(new float[] {Float.NaN}, 1)).relu().value();
        assertTrue(Float.isNaN(nan.item()), "relu keeps NaN visible");
        assertEquals("relu", y.producer());
        assertEquals("leaky_relu", l.producer());
    }

    @Test
    void sigmoidAndTanhValuesAndSaturation() {
        Tensor x = Tensor.of(new float[] {-100f, -1f, 0f, 2f, 100f}, 5);
        float[] s = Var.of(x).sigmoid().value().data(), t = Var.of(x).tanh().value().data();
        for (int i = 0; i < 5; i++) {
            double v = x.data()[i];
            assertEquals(1 / (1 + Math.exp(-v)), s[i], 1e-7);
            assertEquals(Math.tanh(v), t[i], 1e-7);
        }
        Var big = Var.param(Tensor.of(new float[] {-100f, 100f}, 2));
        big.sigmoid().backward(Tensor.ones(2));
        assertTrue(big.grad().isFinite());
        for (float g : big.grad().data()) assertTrue(g >= 0f && g < 1e-30f, "saturated gradient " + g);
    }

    @Test
    void geluMatchesKnownValues() {
        double[][] known = { // x, x * Phi(x) from math.erf in double
            {1, 0.8413447460685429}, {-0.5, -0.15426876936299344}, {2, 1.9544997361036416},
            {-2, -0.04550026389635842}, {0.1, 0.053982783727702904}, {-3, -0.00404969409489031},
            {5, 4.999998566742141}, {-6, -5.919525869479969e-09}, {0, 0},
        };
        float[] xs = new float[known.length];
        for (int i = 0; i < known.length; i++) xs[i] = (float) known[i][0];
        float[] y = Activations.gelu(Var.of(Tensor.of(xs, xs.length))).value().data();
        for (int i = 0; i < known.length; i++) {
            assertEquals(known[i][1], y[i], 2e-7 * Math.max(1e-2, Math.abs(known[i][1])) + 1e-14, "GELU(" + known[i][0] + ")");
        }
        assertEquals(0.8413447f, y[0], 1e-7f);
        assertEquals(-0.1542687f, y[1], 1e-7f);
    }

    @Test
    void erfIsAccurateToOnePointTwoEMinusSeven() {
        double[][] known = {
            {0.5, 0.5204998778130465}, {1, 0.8427007929497149}, {2, 0.9953222650189527},
            {-0.3, -0.3286267594591274}, {3, 0.9999779095030014}, {1e-3, 0.0011283787909692365}, {0, 0},
        };
        for (double[] k : known) assertEquals(k[1], Activations.erf(k[0]), 1.2e-7, "erf(" + k[0] + ")");
        assertEquals(0.5, Activations.phi(0), 1e-7);
        assertEquals(1.0, Activations.phi(40), 0);
        assertEquals(0.0, Activations.phi(-40), 1e-300);
    }
}
