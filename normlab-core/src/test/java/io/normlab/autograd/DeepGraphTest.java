package io.normlab.autograd;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deep graphs must not overflow the stack: surefire runs with -Xss512k on purpose, so a recursive
 * backward (or graph walk) would fail here long before it fails a user.
 */
class DeepGraphTest {
    @Test
    void fiveHundredLayerMlpForwardAndBackward() {
        Rng rng = new Rng(101);
        int width = 8, depth = 500, batch = 4;
        List<Var> weights = new ArrayList<>(), biases = new ArrayList<>();
        float std = (float) (1 / Math.sqrt(width));
        for (int l = 0; l < depth; l++) {
            weights.add(Var.param(Tensor.randn(rng, 0f, std, width, width)));
            biases.add(Var.param(Tensor.randn(rng, 0f, 0.1f, width)));
        }
        Var x = Var.param(Tensor.randn(rng, batch, width));
        Var h = x;
        for (int l = 0; l < depth; l++) h = MatrixOps.linear(h, weights.get(l), biases.get(l)).tanh();
        Var loss = Losses.mse(h, Var.of(Tensor.randn(rng, batch, width)));
        loss.backward();
        assertTrue(Float.isFinite(loss.value().item()));
        for (int l = 0; l < depth; l++) {
            assertNotNull(weights.get(l).grad(), "layer " + l);
            assertTrue(weights.get(l).grad().isFinite(), "layer " + l);
            assertTrue(biases.get(l).grad().isFinite(), "layer " + l);
        }
        assertTrue(x.grad().isFinite());
        // the last layer's weight gradient is not trivially zero
        float norm = 0;
        for (float g : weights.get(depth - 1).grad().data()) norm += g * g;
        assertTrue(norm > 0f);
    }

    @Test
    void twoHundredStepRecurrenceReachesEveryStep() {
        Rng rng = new Rng(102);
        int hidden = 6, in = 3, steps = 200, batch = 2;
        Var w = Var.param(Tensor.randn(rng, 0f, 0.4f, hidden, hidden));
        Var u = Var.param(Tensor.randn(rng, 0f, 0.5f, hidden, in));
        Var h = Var.of(Tensor.zeros(batch, hidden));
        List<Var> states = new ArrayList<>();
        List<Var> inputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Var xt = Var.param(Tensor.randn(rng, batch, in));
            inputs.add(xt);
            // h_t = tanh(W h_{t-1} + U x_t), row-vector convention: h W^T + x U^T
            h = h.matmul(w.transpose(0, 1)).add(xt.matmul(u.transpose(0, 1))).tanh().retainGrad();
            states.add(h);
        }
        Tensor upstream = Tensor.randn(rng, batch, hidden);
        h.backward(upstream);
        for (int t = 0; t < steps; t++) {
            assertNotNull(states.get(t).grad(), "dL/dh at step " + t);
            assertTrue(states.get(t).grad().isFinite(), "step " + t);
            assertNotNull(inputs.get(t).grad(), "dL/dx at step " + t);
        }
        assertArrayEquals(upstream.data(), states.get(steps - 1).grad().data());
        assertTrue(w.grad().isFinite() && u.grad().isFinite());
    }

    @Test
    void recurrenceGradientMatchesGradcheckOnAShortUnroll() {
        Rng rng = new Rng(103);
        Var w = Var.param(Tensor.randn(rng, 0f, 0.5f, 4, 4));
        Var u = Var.param(Tensor.randn(rng, 0f, 0.5f, 4, 3));
        Tensor[] xs = new Tensor[6];
        for (int t = 0; t < xs.length; t++) xs[t] = Tensor.randn(rng, 2, 3);
        GradCheck.defaults().check(v -> {
            Var h = Var.of(Tensor.zeros(2, 4));
            for (Tensor x : xs) h = h.matmul(v[0].transpose(0, 1)).add(Var.of(x).matmul(v[1].transpose(0, 1))).tanh();
            return h;
        }, w, u);
    }
}
