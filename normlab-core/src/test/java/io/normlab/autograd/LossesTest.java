package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Values and gradient checks of {@link Losses}. */
class LossesTest {
    private final Rng rng = new Rng(91);

    /** Reference mean softmax cross-entropy in double. */
    private static double crossEntropyRef(Tensor z, int[] labels) {
        int n = z.size(0), c = z.size(1);
        double total = 0;
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, z.get(i, j));
            double s = 0;
            for (int j = 0; j < c; j++) s += Math.exp(z.get(i, j) - max);
            total += max + Math.log(s) - z.get(i, labels[i]);
        }
        return total / n;
    }

    @Test
    void crossEntropyValueAndGradcheck() {
        Var z = Var.param(Tensor.randn(rng, 0f, 2f, 5, 4));
        int[] labels = {0, 3, 1, 1, 2};
        assertEquals(crossEntropyRef(z.value(), labels), Losses.crossEntropy(z, labels).value().item(), 1e-6);
        GradCheck.defaults().check(v -> Losses.crossEntropy(v[0], labels), z);
        GradCheck.defaults().check(v -> Losses.crossEntropy(v[0], new int[] {0}), Var.param(Tensor.randn(rng, 1, 1)));
    }

    @Test
    void crossEntropyStaysFiniteWithHugeLogits() {
        float[] z = {1e4f, -1e4f, 0f, 0f, 1e4f, 1e4f - 1f, -5e3f, 2e4f, 2e4f};
        Var logits = Var.param(Tensor.of(z, 3, 3));
        int[] labels = {0, 1, 0};
        Var loss = Losses.crossEntropy(logits, labels);
        assertTrue(Float.isFinite(loss.value().item()));
        // row 0: label is the max by 1e4 -> ~0; row 1: softplus(-1) = log(1 + e^-1); row 2: 2.5e4 + log 2
        double expected = (0 + Math.log1p(Math.exp(-1)) + (2e4 + 5e3 + Math.log(2))) / 3;
        assertEquals(expected, loss.value().item(), 1e-3);
        assertEquals(crossEntropyRef(logits.value(), labels), loss.value().item(), 1e-3);
        loss.backward();
        Tensor g = logits.grad();
        assertTrue(g.isFinite());
        double p = 1 / (1 + Math.exp(-1)); // softmax of the larger of the two top logits in row 1
        float[] expectGrad = {0f, 0f, 0f, 0f, (float) (p - 1), (float) (1 - p), -1f, 0.5f, 0.5f};
        for (int i = 0; i < 9; i++) assertEquals(expectGrad[i] / 3, g.data()[i], 1e-6, "element " + i);
    }

    @Test
    void crossEntropyErrorsNameTheProblem() {
        Var z = Var.param(Tensor.zeros(2, 3));
        ShapeException s = assertThrows(ShapeException.class, () -> Losses.crossEntropy(z, new int[] {0}));
        assertTrue(s.getMessage().startsWith("cross_entropy:") && s.getMessage().contains("[2, 3]"), s.getMessage());
        s = assertThrows(ShapeException.class, () -> Losses.crossEntropy(Var.param(Tensor.zeros(2, 3, 1)), new int[] {0, 1}));
        assertTrue(s.getMessage().contains("(N, C)"), s.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(z, new int[] {0, 3}));
        assertEquals("cross_entropy: label 3 at row 1 outside [0, 3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(z, new int[] {-1, 0}));
    }

    @Test
    void mseValueAndGradcheck() {
        Var a = Var.param(Tensor.randn(rng, 3, 4)), b = Var.param(Tensor.randn(rng, 3, 4));
        double s = 0;
        for (int i = 0; i < 12; i++) {
            double d = a.value().data()[i] - b.value().data()[i];
            s += d * d;
        }
        assertEquals(s / 12, Losses.mse(a, b).value().item(), 1e-6);
        GradCheck.defaults().check(v -> Losses.mse(v[0], v[1]), a, b);
        GradCheck.defaults().check(v -> Losses.mse(v[0], v[1]), a, Var.of(b.value()));
        GradCheck.defaults().check(v -> Losses.mse(v[0].tanh(), v[1]), Var.param(Tensor.randn(rng, 5)), Var.param(Tensor.randn(rng, 5)));
        ShapeException e = assertThrows(ShapeException.class, () -> Losses.mse(a, Var.of(Tensor.zeros(4, 3))));
        assertEquals("mse: prediction and target shapes differ: [3, 4] and [4, 3]", e.getMessage());
    }

    @Test
    void lossesScaleWithTheUpstreamGradient() {
        Var z = Var.param(Tensor.randn(rng, 2, 3));
        Losses.crossEntropy(z, new int[] {1, 2}).backward(Tensor.scalar(3f));
        Tensor three = z.grad().copy();
        z.zeroGrad();
        Losses.crossEntropy(z, new int[] {1, 2}).backward();
        assertTrue(three.allClose(z.grad().mul(3f), 1e-6f, 1e-7f));
    }
}
