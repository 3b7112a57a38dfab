package io.normlab.nn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ActivationLayersTest {
    /** Standard normal CDF by a high-precision series (independent of the library's erf). */
    private static double phi(double x) {
        double sum = 0, term = x;
        for (int n = 0; n < 200; n++) {
            sum += term / (2 * n + 1);
            term *= -x * x / 2 / (n + 1);
        }
        return 0.5 + sum / Math.sqrt(2 * Math.PI);
    }

    private static void checkLayer(Supplier<Module> make, DoubleUnaryOperator f, double tol) {
        Tensor x = Tensor.randn(new Rng(21), 3, 4, 5);
        x.data()[0] = 0f;                      // the kink of ReLU-like functions: derivative taken as PyTorch's
        Module layer = make.get();
        assertEquals(0, layer.parameterCount());
        Var y = layer.forward(x);
        for (int i = 0; i < x.numel(); i++) {
            assertEquals(f.applyAsDouble(x.data()[i]), y.value().data()[i], tol, layer + " at element " + i);
        }
        assertArrayEquals(x.shape(), y.shape());
        layer.eval();
        assertArrayEquals(y.value().data(), layer.forward(x).value().data(), "eval mode gives the same values");
        Tensor away = Tensor.randn(new Rng(22), 3, 7);
        for (int i = 0; i < away.numel(); i++) if (Math.abs(away.data()[i]) < 0.1f) away.data()[i] += 0.3f;  // stay off the kink
        GradCheck.defaults().check(v -> make.get().forward(v[0]), Var.param(away));
    }

    @Test
    void sigmoid() {
        checkLayer(Sigmoid::new, v -> 1 / (1 + Math.exp(-v)), 1e-7);
    }

    @Test
    void tanh() {
        checkLayer(Tanh::new, Math::tanh, 1e-7);
    }

    @Test
    void relu() {
        checkLayer(ReLU::new, v -> Math.max(0, v), 0);
    }

    @Test
    void leakyReluDefaultSlopeIsTorchs() {
        checkLayer(LeakyReLU::new, v -> v > 0 ? v : 0.01f * (float) v, 0);
        assertEquals(0.01f, new LeakyReLU().slope());
        assertEquals("LeakyReLU(negative_slope=0.01)\n", new LeakyReLU().toString());
    }

    @Test
    void leakyReluCustomSlope() {
        checkLayer(() -> new LeakyReLU(0.2f), v -> v > 0 ? v : 0.2f * (float) v, 0);
        assertThrows(IllegalArgumentException.class, () -> new LeakyReLU(Float.NaN));
    }

    @Test
    void geluIsExact() {
        checkLayer(GELU::new, v -> v * phi(v), 3e-7);
        Var y = new GELU().forward(Tensor.of(new float[] {1f, -1f, 3f}, 3));
        assertEquals(0.8413447, y.value().data()[0], 1e-6);      // torch.nn.functional.gelu(1.0)
        assertEquals(-0.1586553, y.value().data()[1], 1e-6);
        assertEquals(2.9959502, y.value().data()[2], 1e-6);
    }

    @Test
    void leakyReluGradientAtZeroIsSlopeAndReluIsZero() {
        Var x = Var.param(Tensor.zeros(2));
        new LeakyReLU(0.3f).forward(x).backward(Tensor.ones(2));
        assertArrayEquals(new float[] {0.3f, 0.3f}, x.grad().data());
        Var z = Var.param(Tensor.zeros(2));
        new ReLU().forward(z).backward(Tensor.ones(2));
        assertArrayEquals(new float[] {0f, 0f}, z.grad().data());
    }

    @Test
    void identityReturnsItsInput() {
        Var x = Var.param(Tensor.randn(new Rng(3), 2, 3));
        Identity id = new Identity();
        assertSame(x, id.forward(x));
        Var y = id.forward(x).mul(2f);
        y.backward(Tensor.ones(2, 3));
        assertArrayEquals(Tensor.full(2f, 2, 3).data(), x.grad().data());
        assertEquals(0, id.parameterCount());
    }
}
