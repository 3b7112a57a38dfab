package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The backward engine: accumulation, retained gradients, hooks, broadcasting, errors. */
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
    void valueUsedTwiceInOneOpAndAcrossBranches() {
        Rng rng = new Rng(3);
        Var a = Var.param(Tensor.randn(rng, 3, 4));
        // a + a, a * a, and a diamond a -> (tanh a, sigmoid a) -> product
        GradCheck.defaults().check(v -> v[0].add(v[0]).mul(v[0].mul(v[0])), a);
        GradCheck.defaults().check(v -> v[0].tanh().mul(v[0].sigmoid()).add(v[0]), a);
        Var x = Var.param(Tensor.of(new float[] {2f}, 1));
        x.add(x).sum().backward();
        assertEquals(2f, x.grad().item(), 0f);
    }

    @Test
    void broadcastGradientIsSummedToInputShape() {
        Rng rng = new Rng(2);
        Var a = Var.param(Tensor.randn(rng, 3, 4));
        Var b = Var.param(Tensor.randn(rng, 4));
        Var c = Var.param(Tensor.randn(rng, 3, 1));
        Var s = Var.param(Tensor.randn(rng)); // rank 0
        GradCheck.defaults().check(v -> v[0].mul(v[1]).div(v[2].mul(v[2]).add(Var.of(Tensor.scalar(1f)))).sub(v[1]).add(v[3]), a, b, c, s);
        // exact: d/db sum(a + b) = number of rows
        Var bb = Var.param(Tensor.zeros(4));
        Var.of(Tensor.ones(3, 4)).add(bb).sum().backward();
        assertArrayEquals(new float[] {3, 3, 3, 3}, bb.grad().data());
        assertArrayEquals(new int[] {4}, bb.grad().shape());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroGrad() {
        Var w = Var.param(Tensor.of(new float[] {1f, 2f}, 2));
        Tensor u = Tensor.of(new float[] {3f, -1f}, 2);
        w.mul(3f).backward(u);
        assertArrayEquals(new float[] {9f, -3f}, w.grad().data());
        w.mul(3f).backward(u);
        assertArrayEquals(new float[] {18f, -6f}, w.grad().data());
        w.zeroGrad();
        assertNull(w.grad());
        w.mul(3f).backward(u);
        assertArrayEquals(new float[] {9f, -3f}, w.grad().data());
    }

    @Test
    void storedGradientIsACopyOfTheUpstream() {
        Var w = Var.param(Tensor.of(new float[] {1f, 2f}, 2));
        Tensor u = Tensor.of(new float[] {5f, 6f}, 2);
        w.backward(u);
        u.data()[0] = 100f;
        assertEquals(5f, w.grad().data()[0], 0f);
    }

    @Test
    void intermediatesKeepGradientsOnlyWhenRetained() {
        Var x = Var.param(Tensor.of(new float[] {1f, -2f}, 2));
        Var h = x.mul(2f).retainGrad();
        Var k = h.mul(3f);
        Var loss = k.sum();
        loss.backward();
        assertArrayEquals(new float[] {3f, 3f}, h.grad().data());
        assertNull(k.grad(), "not retained");
        assertArrayEquals(new float[] {6f, 6f}, x.grad().data());
        assertFalse(h.isLeaf());
        assertTrue(x.isLeaf());
        assertEquals("scale", h.producer());
        assertEquals("leaf", x.producer());
    }

    @Test
    void onGradHooksSeeTheTotalGradientOncePerBackward() {
        Var x = Var.param(Tensor.of(new float[] {1f, 2f}, 2));
        Var h = x.mul(2f);
        List<float[]> seen = new ArrayList<>();
        h.onGrad(g -> seen.add(g.data().clone()));
        Var y = h.mul(h).add(h); // dy/dh = 2h + 1 = {5, 9}
        y.backward(Tensor.ones(2));
        assertEquals(1, seen.size());
        assertArrayEquals(new float[] {5f, 9f}, seen.get(0));
        assertNull(h.grad(), "a hook does not retain the gradient");
        y.backward(Tensor.ones(2));
        assertEquals(2, seen.size());
        assertThrows(IllegalStateException.class, () -> Var.of(Tensor.ones(1)).onGrad(g -> { }));
    }

    @Test
    void backwardWithExplicitUpstreamOnANonScalar() {
        Rng rng = new Rng(4);
        Var a = Var.param(Tensor.randn(rng, 2, 3));
        Tensor u = Tensor.randn(rng, 2, 3);
        a.tanh().backward(u);
        for (int i = 0; i < 6; i++) {
            double t = Math.tanh(a.value().data()[i]);
            assertEquals(u.data()[i] * (1 - t * t), a.grad().data()[i], 1e-6);
        }
    }

    @Test
    void backwardErrors() {
        Var a = Var.param(Tensor.ones(2, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.mul(2f).backward());
        assertTrue(e.getMessage().contains("scalar") && e.getMessage().contains("[2, 3]"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Var.of(Tensor.scalar(1f)).backward());
        assertTrue(e.getMessage().contains("does not require a gradient"), e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> Var.of(Tensor.ones(2)).mul(Var.of(Tensor.ones(2))).sum().backward());
        assertTrue(e.getMessage().contains("does not require a gradient"), e.getMessage());
        ShapeException s = assertThrows(ShapeException.class, () -> a.mul(2f).backward(Tensor.ones(3, 2)));
        assertTrue(s.getMessage().contains("[3, 2]") && s.getMessage().contains("[2, 3]"), s.getMessage());
    }

    @Test
    void aBackwardReturningAWrongShapeIsNamed() {
        Var a = Var.param(Tensor.ones(2, 3));
        Var y = new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].mul(2f); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {Tensor.ones(2)}; }
            @Override public String name() { return "broken_op"; }
        }.apply(a);
        ShapeException e = assertThrows(ShapeException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().contains("broken_op") && e.getMessage().contains("input 0")
                && e.getMessage().contains("[2]") && e.getMessage().contains("[2, 3]"), e.getMessage());
    }

    @Test
    void aBackwardReturningTooFewGradientsIsNamed() {
        Var a = Var.param(Tensor.ones(2)), b = Var.param(Tensor.ones(2));
        Var y = new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].add(in[1]); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {g}; }
            @Override public String name() { return "short_op"; }
        }.apply(a, b);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().contains("short_op") && e.getMessage().contains("1 gradient") && e.getMessage().contains("2 inputs"), e.getMessage());
    }

    @Test
    void trailingNullGradientsForAbsentOptionalInputsAreAccepted() {
        Var a = Var.param(Tensor.ones(2));
        Function withOptionalBias = new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].mul(2f); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {g.mul(2f), needsGrad(1) ? g : null}; }
        };
        withOptionalBias.apply(a).sum().backward();
        assertArrayEquals(new float[] {2f, 2f}, a.grad().data());
        Var b = Var.param(Tensor.ones(2));
        Var y = new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].mul(2f); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {g, g}; }
            @Override public String name() { return "extra_op"; }
        }.apply(b);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().contains("extra_op") && e.getMessage().contains("2 gradient(s) for 1 inputs"), e.getMessage());
    }

    @Test
    void aFunctionInstanceRecordsOnlyOnce() {
        Function f = new Function() {
            @Override protected Tensor forward(Tensor... in) { return in[0].mul(2f); }
            @Override protected Tensor[] backward(Tensor g) { return new Tensor[] {g.mul(2f)}; }
        };
        Var a = Var.param(Tensor.ones(2));
        f.apply(a);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.apply(a));
        assertTrue(e.getMessage().contains("once"), e.getMessage());
    }

    @Test
    void constantsAndDetachedValuesGetNoGradient() {
        Var w = Var.param(Tensor.of(new float[] {2f}, 1));
        Var c = Var.of(Tensor.of(new float[] {5f}, 1));
        Var d = w.mul(3f).detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        Var y = w.mul(c).add(d.mul(w));
        y.sum().backward();
        assertNull(c.grad());
        assertNull(d.grad());
        assertEquals(5f + 6f, w.grad().item(), 0f);
        assertFalse(c.mul(c).requiresGrad(), "an op on constants records nothing");
    }

    @Test
    void deepChainDoesNotOverflowTheStack() {
        Var x = Var.param(Tensor.ones(2, 2));
        Var y = x;
        for (int i = 0; i < 20000; i++) y = y.mul(1.0001f);
        y.sum().backward();
        assertTrue(x.grad().isFinite());
        assertEquals(Math.pow(1.0001, 20000), x.grad().data()[0], 1e-2);
    }
}
