package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EngineTest {
    @Test
    void linearAndCrossEntropyPassGradcheck() {
        Rng rng = new Rng(1);
        Var x = Var.param(Tensor.randn(rng, 4, 3));
        Var w = Var.param(Tensor.randn(rng, 5, 3));
        Var b = Var.param(Tensor.randn(rng, 5));
        int[] labels = {0, 4, 2, 1};
        GradCheck.defaults().check(v -> Losses.crossEntropy(MatrixOps.linear(v[0], v[1], v[2]).tanh(), labels), x, w, b);
    }

    @Test
    void valueUsedTwiceAccumulates() {
        Var x = Var.param(Tensor.of(new float[] {3f}, 1));
        Var y = x.mul(x).add(x); // y = x^2 + x, dy/dx = 2x + 1 = 7
        y.sum().backward();
        assertEquals(7f, x.grad().item(), 0f);
        y = x.mul(x);
        y.sum().backward(); // accumulates: 7 + 6
        assertEquals(13f, x.grad().item(), 0f);
    }

    @Test
    void broadcastGradientIsSummedToInputShape() {
        Rng rng = new Rng(2);
        Var a = Var.param(Tensor.randn(rng, 3, 4));
        Var b = Var.param(Tensor.randn(rng, 4));
        Var c = Var.param(Tensor.randn(rng, 3, 1));
        GradCheck.defaults().check(v -> v[0].mul(v[1]).div(v[2].mul(v[2]).add(Var.of(Tensor.scalar(1f)))).sub(v[1]), a, b, c);
    }

    @Test
    void deepChainDoesNotOverflowTheStack() {
        Var x = Var.param(Tensor.ones(2, 2));
        Var y = x;
        for (int i = 0; i < 20000; i++) y = y.mul(1.0001f);
        y.sum().backward();
        assertTrue(x.grad().isFinite());
    }
}
