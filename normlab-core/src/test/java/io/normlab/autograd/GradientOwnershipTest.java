package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The engine hands a leaf its gradient without a copy only when no one else holds that tensor;
 * every aliasing case (the caller's upstream gradient, a view of an upstream gradient, one tensor
 * returned for two inputs, a value of the node, a hook that saw it) is copied, so accumulating a
 * second backward never writes into a tensor held elsewhere.
 */
class GradientOwnershipTest {
    /** An identity op whose backward returns {@code result(gradOut)} for its input. */
    private static Var passing(Var x, java.util.function.UnaryOperator<Tensor> result) {
        return new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].copy(); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {result.apply(g)}; }
        }.apply(x);
    }

    @Test
    void aFreshGradientBecomesTheLeafsGradWithoutACopy() {
        Var x = Var.param(Tensor.randn(new Rng(1), 3, 4));
        Tensor[] made = new Tensor[1];
        passing(x, g -> made[0] = g.copy()).backward(Tensor.randn(new Rng(2), 3, 4));
        assertSame(made[0], x.grad(), "taken over");
    }

    @Test
    void theCallersUpstreamGradientIsCopied() {
        Var x = Var.param(Tensor.randn(new Rng(3), 2, 5));
        Tensor dy = Tensor.randn(new Rng(4), 2, 5);
        float[] before = dy.data().clone();
        x.backward(dy);
        assertNotSame(dy.data(), x.grad().data());
        x.backward(dy); // accumulates into x.grad, must leave dy alone
        assertArrayEquals(before, dy.data());
        for (int i = 0; i < before.length; i++) assertEquals(2 * before[i], x.grad().data()[i], 0f);
    }

    @Test
    void viewsOfTheUpstreamGradientAreCopied() {
        Var x = Var.param(Tensor.randn(new Rng(5), 2, 6));
        Tensor dy = Tensor.randn(new Rng(6), 3, 4);
        float[] before = dy.data().clone();
        x.reshape(3, 4).backward(dy);
        assertNotSame(dy.data(), x.grad().data());
        x.reshape(3, 4).backward(dy);
        assertArrayEquals(before, dy.data(), "reshape's backward passes a view of dy; accumulating must not write into it");
    }

    @Test
    void oneTensorForTwoInputsIsCopiedForEach() {
        Rng rng = new Rng(7);
        Var a = Var.param(Tensor.randn(rng, 4)), b = Var.param(Tensor.randn(rng, 4));
        Tensor dy = Tensor.randn(rng, 4);
        a.add(b).mul(Var.of(Tensor.full(2f, 4))).backward(dy); // add's backward returns the same tensor for a and b
        assertNotSame(a.grad().data(), b.grad().data());
        a.add(b).mul(Var.of(Tensor.full(2f, 4))).backward(dy);
        for (int i = 0; i < 4; i++) {
            assertEquals(4 * dy.data()[i], a.grad().data()[i], 1e-6f);
            assertEquals(4 * dy.data()[i], b.grad().data()[i], 1e-6f, "b unchanged by a's accumulation");
        }
        Tensor shared = Tensor.randn(rng, 4);
        Var p = Var.param(Tensor.randn(rng, 4)), q = Var.param(Tensor.randn(rng, 4));
        new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].copy(); }
            @Override protected Tensor[] backward(Tensor g) { Tensor t = shared.copy(); return new Tensor[] {t, t}; }
        }.apply(p, q).backward(Tensor.randn(rng, 4));
        assertNotSame(p.grad().data(), q.grad().data());
    }

    @Test
    void aValueOfTheNodeOrAHookedLeafIsCopied() {
        Rng rng = new Rng(8);
        Var x = Var.param(Tensor.randn(rng, 5));
        Var y = passing(x, g -> x.value());
        y.backward(Tensor.randn(rng, 5));
        assertNotSame(x.value().data(), x.grad().data(), "a backward returning the input's own value");
        Var h = Var.param(Tensor.randn(rng, 5));
        Tensor[] seen = new Tensor[1];
        h.onGrad(g -> seen[0] = g);
        passing(h, Tensor::copy).backward(Tensor.randn(rng, 5));
        assertNotSame(seen[0], h.grad(), "a hook may keep what it saw");
    }

    @Test
    void aSumOfContributionsIsTakenOverAndStillAccumulates() {
        Var x = Var.param(Tensor.of(new float[] {3f}, 1));
        x.mul(x).add(x.mul(Var.of(Tensor.scalar(2f)))).sum().backward(); // d/dx (x^2 + 2x) = 8
        assertEquals(8f, x.grad().item(), 0f);
        x.mul(x).sum().backward();
        assertEquals(14f, x.grad().item(), 0f);
    }
}
