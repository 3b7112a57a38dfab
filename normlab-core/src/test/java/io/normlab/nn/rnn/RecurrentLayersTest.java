package io.normlab.nn.rnn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Shaping;
import io.normlab.autograd.Var;
import io.normlab.tensor.Elementwise;
import io.normlab.tensor.Linalg;
import io.normlab.tensor.Rng;
import io.normlab.tensor.ShapeException;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrentLayersTest {
    private static Var[] withParams(Var[] lead, io.normlab.nn.Module m) {
        List<Var> all = new ArrayList<>(List.of(lead));
        all.addAll(m.parameters());
        return all.toArray(new Var[0]);
    }

    /** Output (N, T*H) and the last c side by side, so one check covers all returned values. */
    private static Var flat(SequenceResult r) {
        int[] s = r.output().shape();
        Var out = r.output().reshape(s[0], s[1] * s[2]);
        return r.c() == null ? out : Shaping.concat(1, out, r.c());
    }

    @Test
    void layersHavePyTorchNames() {
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"), List.copyOf(new LSTM(3, 4, new Rng(1)).stateDict().keySet()));
        assertArrayEquals(new int[] {12, 3}, new GRU(3, 4, new Rng(1)).stateDict().get("weight_ih_l0").shape());
        assertEquals(List.of("weight_ih_l0", "weight_hh_l0"), List.copyOf(new RNN(3, 4, false, new Rng(1)).stateDict().keySet()));
    }

    @Test
    void lstmLayerIsTheCellLoopedOverTime() {
        Rng rng = new Rng(61);
        LSTM lstm = new LSTM(3, 4, rng);
        Var x = Var.of(Tensor.randn(rng, 2, 5, 3)), h0 = Var.of(Tensor.randn(rng, 2, 4)), c0 = Var.of(Tensor.randn(rng, 2, 4));
        SequenceResult r = lstm.run(x, h0, c0);
        LstmState s = new LstmState(h0, c0);
        var p = lstm.namedParameters();
        for (int t = 0; t < 5; t++) {
            Var xt = Var.of(io.normlab.tensor.Layout.slice(x.value(), 1, t, t + 1).reshape(2, 3));
            s = RnnOps.lstmCell(xt, s.h(), s.c(), p.get("weight_ih_l0"), p.get("weight_hh_l0"), p.get("bias_ih_l0"), p.get("bias_hh_l0"));
            assertArrayEquals(s.h().value().data(), io.normlab.tensor.Layout.slice(r.output().value(), 1, t, t + 1).data(), "step " + t);
            assertArrayEquals(s.h().value().data(), r.steps().get(t).value().data());
        }
        assertArrayEquals(s.c().value().data(), r.c().value().data());
        assertSame(r.steps().get(4), r.h());
        assertArrayEquals(new int[] {2, 5, 4}, lstm.forward(x).shape());
        // PyTorch's (1, N, H) initial state is accepted too
        assertArrayEquals(r.output().value().data(), lstm.run(x, h0.reshape(1, 2, 4), c0.reshape(1, 2, 4)).output().value().data());
    }

    @Test
    void lstmLayerPassesGradCheck() {
        Rng rng = new Rng(62);
        LSTM lstm = new LSTM(3, 4, rng);
        Var[] in = withParams(new Var[] {Var.param(Tensor.randn(rng, 2, 4, 3)), Var.param(Tensor.randn(rng, 2, 4)), Var.param(Tensor.randn(rng, 2, 4))}, lstm);
        GradCheck.defaults().check(v -> flat(lstm.run(v[0], v[1], v[2])), in);
    }

    @Test
    void gruLayerPassesGradCheck() {
        Rng rng = new Rng(63);
        GRU gru = new GRU(3, 4, rng);
        Var[] in = withParams(new Var[] {Var.param(Tensor.randn(rng, 2, 4, 3)), Var.param(Tensor.randn(rng, 2, 4))}, gru);
        GradCheck.defaults().check(v -> flat(gru.run(v[0], v[1])), in);
    }

    @Test
    void rnnLayerPassesGradCheck() {
        Rng rng = new Rng(64);
        RNN rnn = new RNN(3, 4, rng);
        Var[] in = withParams(new Var[] {Var.param(Tensor.randn(rng, 2, 4, 3)), Var.param(Tensor.randn(rng, 2, 4))}, rnn);
        GradCheck.defaults().check(v -> flat(rnn.run(v[0], v[1])), in);
    }

    /**
     * The per-step variables carry the total gradient through time. For a tanh RNN with upstream u_t
     * on every output: dL/dh_T = u_T and dL/dh_t = u_t + W_hh^T-product of (dL/dh_{t+1} * (1 - h_{t+1}^2)).
     */
    @Test
    void stepVariablesExposeTheGradientThroughTime() {
        Rng rng = new Rng(65);
        int n = 2, t = 6, hid = 3;
        RNN rnn = new RNN(2, hid, rng);
        SequenceResult r = rnn.run(Var.of(Tensor.randn(rng, n, t, 2)), null);
        for (Var h : r.steps()) h.retainGrad();
        Tensor u = Tensor.randn(rng, n, t, hid);
        r.output().backward(u);
        Tensor whh = rnn.namedParameters().get("weight_hh_l0").value();
        Tensor next = null;
        for (int k = t - 1; k >= 0; k--) {
            Tensor expected = io.normlab.tensor.Layout.slice(u, 1, k, k + 1).reshape(n, hid);
            if (next != null) {
                Tensor hNext = r.steps().get(k + 1).value();
                Tensor da = Elementwise.zip(next, hNext, (g, h) -> g * (1f - h * h));
                expected = expected.add(Linalg.matmul(da, whh));
            }
            assertTrue(expected.allClose(r.steps().get(k).grad(), 1e-5f, 1e-6f), "dL/dh_" + k);
            next = r.steps().get(k).grad();
        }
    }

    /** T = 500 steps: backward must not overflow the stack (surefire runs with -Xss512k). */
    @Test
    void backwardThroughFiveHundredStepsIsIterative() {
        Rng rng = new Rng(66);
        int t = 500;
        LSTM lstm = new LSTM(3, 4, rng);
        Var x = Var.param(Tensor.randn(rng, 2, t, 3));
        SequenceResult r = lstm.run(x, null, null);
        int[] seen = new int[1];
        double[] firstNorm = new double[1];
        for (int k = 0; k < t; k++) {
            final int step = k;
            r.steps().get(k).onGrad(g -> {
                seen[0]++;
                if (step == 0) firstNorm[0] = norm(g);
            });
        }
        Tensor u = Tensor.zeros(2, 4); // loss on the last state only: the gradient must travel all 500 steps
        for (int i = 0; i < u.numel(); i++) u.data()[i] = (i % 2 == 0 ? 1f : -1f);
        r.h().backward(u);
        assertEquals(t, seen[0], "dL/dh_t observed once per step");
        assertTrue(x.grad().isFinite());
        for (Var p : lstm.parameters()) assertTrue(p.grad().isFinite());
        assertTrue(firstNorm[0] < norm(u), "the gradient through 500 LSTM steps should shrink, got " + firstNorm[0]);
        GRU gru = new GRU(3, 4, rng);
        gru.run(x, null).h().backward(u);
        RNN rnn = new RNN(3, 4, rng);
        rnn.run(x, null).h().backward(u);
        assertTrue(x.grad().isFinite());
    }

    private static double norm(Tensor g) {
        double s = 0;
        for (float v : g.data()) s += (double) v * v;
        return Math.sqrt(s);
    }

    @Test
    void badShapesAreNamed() {
        LSTM lstm = new LSTM(3, 4, new Rng(1));
        var e = assertThrows(ShapeException.class, () -> lstm.forward(Tensor.zeros(2, 5, 2)));
        assertTrue(e.getMessage().contains("LSTM: expected batch-first input (N, T, 3)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> lstm.run(Var.of(Tensor.zeros(2, 5, 3)), Var.of(Tensor.zeros(3, 4)), null));
        assertTrue(e.getMessage().contains("initial h0 must be (2, 4)"), e.getMessage());
    }
}
