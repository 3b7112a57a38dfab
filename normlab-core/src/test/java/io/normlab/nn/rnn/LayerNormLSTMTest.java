package io.normlab.nn.rnn;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.GradCheck;
import io.normlab.autograd.Shaping;
import io.normlab.autograd.Var;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerNormLSTMTest {
    @Test
    void parametersAndLayerNormsAreNamed() {
        LayerNormLSTM m = new LayerNormLSTM(3, 4, new Rng(81));
        assertEquals(List.of("weight_ih", "weight_hh", "bias", "ln_ih.weight", "ln_ih.bias", "ln_hh.weight", "ln_hh.bias",
                "ln_cell.weight", "ln_cell.bias"), List.copyOf(m.stateDict().keySet()));
        assertArrayEquals(new int[] {16}, m.stateDict().get("ln_hh.weight").shape());
        assertArrayEquals(new int[] {4}, m.stateDict().get("ln_cell.bias").shape());
    }

    /** Random LN gains and shifts, so the check does not run at the special point gamma = 1, beta = 0. */
    private static LayerNormLSTM randomized(Rng rng) {
        LayerNormLSTM m = new LayerNormLSTM(3, 4, rng);
        for (var e : m.stateDict().entrySet()) {
            if (e.getKey().startsWith("ln_")) {
                float[] d = e.getValue().data();
                for (int i = 0; i < d.length; i++) d[i] = e.getKey().endsWith("weight") ? 0.5f + rng.nextFloat() : 0.4f * (rng.nextFloat() - 0.5f);
            }
        }
        return m;
    }

    @Test
    void passesGradCheckForInputsStatesAndEveryParameter() {
        Rng rng = new Rng(82);
        LayerNormLSTM m = randomized(rng);
        List<Var> in = new ArrayList<>(List.of(Var.param(Tensor.randn(rng, 2, 3, 3)), Var.param(Tensor.randn(rng, 2, 4)),
                Var.param(Tensor.randn(rng, 2, 4))));
        in.addAll(m.parameters());
        GradCheck.defaults().check(v -> {
            SequenceResult r = m.run(v[0], v[1], v[2]);
            return Shaping.concat(1, r.output().reshape(2, 12), r.c());
        }, in.toArray(new Var[0]));
    }

    /** LN over x W_ih^T and h W_hh^T makes the cell blind to the scale of either weight matrix (up to eps). */
    @Test
    void outputIsInvariantToRescalingTheWeights() {
        Rng rng = new Rng(83);
        LayerNormLSTM m = randomized(rng);
        // weights 4x the init scale: pre-activation variances far above eps, where LN's invariance holds
        for (String k : List.of("weight_ih", "weight_hh")) {
            float[] w = m.stateDict().get(k).data();
            for (int i = 0; i < w.length; i++) w[i] *= 4f;
        }
        Var x = Var.of(Tensor.randn(rng, 2, 6, 3));
        Tensor before = m.forward(x).value();
        for (String k : List.of("weight_ih", "weight_hh")) {
            float[] w = m.stateDict().get(k).data();
            for (int i = 0; i < w.length; i++) w[i] *= k.equals("weight_ih") ? 7f : 3f;
        }
        Tensor after = m.forward(x).value();
        double maxDiff = 0;
        for (int i = 0; i < after.numel(); i++) maxDiff = Math.max(maxDiff, Math.abs(after.data()[i] - before.data()[i]));
        assertTrue(maxDiff < 1e-4, "max difference " + maxDiff);
    }

    @Test
    void stepFollowsBaKirosHinton() {
        Rng rng = new Rng(84);
        LayerNormLSTM m = randomized(rng);
        Var x = Var.of(Tensor.randn(rng, 2, 3)), h = Var.of(Tensor.randn(rng, 2, 4)), c = Var.of(Tensor.randn(rng, 2, 4));
        LstmState s = m.step(x, new LstmState(h, c));
        var p = m.stateDict();
        for (int n = 0; n < 2; n++) {
            double[] a = new double[16];
            double[] ai = ln(affineRow(p.get("weight_ih"), x.value(), n), p.get("ln_ih.weight"), p.get("ln_ih.bias"));
            double[] ah = ln(affineRow(p.get("weight_hh"), h.value(), n), p.get("ln_hh.weight"), p.get("ln_hh.bias"));
            for (int j = 0; j < 16; j++) a[j] = ai[j] + ah[j] + p.get("bias").data()[j];
            double[] cNew = new double[4];
            for (int j = 0; j < 4; j++) {
                cNew[j] = sig(a[4 + j]) * c.value().get(n, j) + sig(a[j]) * Math.tanh(a[8 + j]);
                assertEquals(cNew[j], s.c().value().get(n, j), 1e-5);
            }
            double[] lc = ln(cNew, p.get("ln_cell.weight"), p.get("ln_cell.bias"));
            for (int j = 0; j < 4; j++) assertEquals(sig(a[12 + j]) * Math.tanh(lc[j]), s.h().value().get(n, j), 1e-5);
        }
    }

    private static double[] affineRow(Tensor w, Tensor x, int n) {
        int out = w.size(0), in = w.size(1);
        double[] r = new double[out];
        for (int o = 0; o < out; o++) for (int i = 0; i < in; i++) r[o] += (double) w.get(o, i) * x.get(n, i);
        return r;
    }

    private static double[] ln(double[] v, Tensor gamma, Tensor beta) {
        double mean = 0, var = 0;
        for (double x : v) mean += x / v.length;
        for (double x : v) var += (x - mean) * (x - mean) / v.length;
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = (v[i] - mean) / Math.sqrt(var + 1e-5) * gamma.data()[i] + beta.data()[i];
        return r;
    }

    private static double sig(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void backwardThroughFiveHundredStepsIsIterative() {
        Rng rng = new Rng(85);
        LayerNormLSTM m = new LayerNormLSTM(3, 4, rng);
        Var x = Var.param(Tensor.randn(rng, 2, 500, 3));
        SequenceResult r = m.run(x, null, null);
        r.steps().get(0).retainGrad();
        r.h().backward(Tensor.randn(rng, 2, 4));
        assertTrue(x.grad().isFinite());
        assertNotNull(r.steps().get(0).grad());
        for (Var p : m.parameters()) assertTrue(p.grad().isFinite());
    }
}
