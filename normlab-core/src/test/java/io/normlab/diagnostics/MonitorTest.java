package io.normlab.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.Tanh;
import io.normlab.optim.Sgd;
import io.normlab.tensor.Parallel;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonitorTest {
    /** Linear(5,4) - Sigmoid - Linear(4,3) - ReLU - Linear(3,2), with some saturated and one dead unit. */
    private static Sequential smallNet(Rng rng) {
        Sequential net = new Sequential(new Linear(5, 4, rng), new Sigmoid(), new Linear(4, 3, rng), new ReLU(), new Linear(3, 2, rng));
        Linear first = (Linear) net.layers().get(0);
        for (int j = 0; j < 5; j++) first.weight().value().set(6f * (j % 2 == 0 ? 1 : -1), 0, j); // unit 0 saturates often
        ((Linear) net.layers().get(2)).bias().value().set(-100f, 1); // unit 1 of the ReLU is dead
        return net;
    }

    private static Map<Module, Var> captureOutputs(Sequential net) {
        Map<Module, Var> outs = new IdentityHashMap<>();
        for (Module m : net.layers()) m.addForwardHook((mod, in, out) -> outs.put(mod, out.retainGrad()));
        return outs;
    }

    @Test
    void statisticsMatchANaiveComputation() {
        Rng rng = new Rng(11);
        Sequential net = smallNet(rng);
        Map<Module, Var> outs = captureOutputs(net);
        Monitor mon = Monitor.attach(net);
        Tensor x = Tensor.randn(rng, 32, 5);
        Nets.forwardBackward(net, x, Nets.labels(rng, 32, 2));
        StepRecord rec = mon.endStep();

        assertEquals(List.of("0", "1", "2", "3", "4"), rec.layers().stream().map(LayerStats::path).toList());
        for (int i = 0; i < 5; i++) {
            Module m = net.layers().get(i);
            LayerStats s = rec.layer(Integer.toString(i));
            float[] y = outs.get(m).value().data();
            double mean = 0, var = 0;
            for (float v : y) mean += v;
            mean /= y.length;
            for (float v : y) var += (v - mean) * (v - mean);
            assertEquals(mean, s.actMean(), 1e-6, "mean of layer " + i);
            assertEquals(Math.sqrt(var / y.length), s.actStd(), 1e-6, "std of layer " + i);
            assertEquals(norm(outs.get(m).grad().data()), s.actGradNorm(), 1e-6 * s.actGradNorm(), "||dL/dy|| of layer " + i);
            if (m instanceof Linear lin) {
                assertEquals(norm(lin.weight().value().data()), s.weightNorm(), 1e-6 * s.weightNorm());
                assertEquals(norm(lin.weight().grad().data()), s.weightGradNorm(), 1e-6 * s.weightGradNorm());
            } else {
                assertTrue(Double.isNaN(s.weightNorm()));
            }
            assertEquals(1, s.calls());
            assertEquals(0, s.nonFinite());
        }
        float[] sig = outs.get(net.layers().get(1)).value().data();
        long sat = 0;
        for (float v : sig) if (v < 0.01f || v > 0.99f) sat++;
        assertTrue(sat > 0, "the test net must have saturated sigmoid outputs");
        assertEquals((double) sat / sig.length, rec.layer("1").saturatedFraction(), 0);
        assertEquals(1.0 / 3, rec.layer("3").deadFraction(), 0);
        assertTrue(Double.isNaN(rec.layer("3").saturatedFraction()));
        assertTrue(Double.isNaN(rec.layer("1").deadFraction()));
        assertTrue(Double.isNaN(rec.layer("0").updateRatio()), "no optimizer step was observed");
    }

    @Test
    void updateRatioOfPlainSgdIsLrTimesGradOverWeight() {
        Rng rng = new Rng(12);
        Sequential net = smallNet(rng);
        Sgd sgd = new Sgd(net.parameters(), Sgd.Config.of(0.1));
        Monitor mon = Monitor.attach(net);
        Nets.forwardBackward(net, Tensor.randn(rng, 32, 5), Nets.labels(rng, 32, 2));
        Linear lin = (Linear) net.layers().get(2);
        double expected = 0.1 * norm(lin.weight().grad().data()) / norm(lin.weight().value().data());
        mon.update(sgd::step);
        LayerStats s = mon.endStep().layer("2");
        assertEquals(expected, s.updateRatio(), 1e-5 * expected);
        assertTrue(Double.isNaN(mon.history().get(0).layer("1").updateRatio()), "a layer without weights has no update ratio");
    }

    @Test
    void recordsEveryKthStepAndStopsAfterDetach() {
        Rng rng = new Rng(13);
        Sequential net = smallNet(rng);
        Monitor mon = Monitor.attach(net, Monitor.Options.defaults().withEvery(3));
        List<Integer> returned = new ArrayList<>();
        for (int step = 0; step < 7; step++) {
            net.zeroGrad();
            Nets.forwardBackward(net, Tensor.randn(rng, 32, 5), Nets.labels(rng, 32, 2));
            StepRecord r = mon.endStep();
            if (r != null) returned.add(r.step());
        }
        assertEquals(List.of(0, 3, 6), returned);
        assertEquals(List.of(0, 3, 6), mon.history().stream().map(StepRecord::step).toList());
        mon.detach();
        Tensor nan = Tensor.full(Float.NaN, 6, 5);
        assertDoesNotThrow(() -> net.forward(nan), "a detached monitor must not check anything");
        assertNull(mon.endStep());
        assertEquals(3, mon.history().size());
    }

    @Test
    void aLayerUsedTwicePoolsItsCalls() {
        Rng rng = new Rng(14);
        Linear shared = new Linear(4, 4, rng);
        Sequential net = new Sequential(shared, new Tanh(), shared, new Linear(4, 2, rng));
        Map<Module, List<Var>> outs = new IdentityHashMap<>();
        shared.addForwardHook((m, in, out) -> outs.computeIfAbsent(m, k -> new ArrayList<>()).add(out.retainGrad()));
        Monitor mon = Monitor.attach(net);
        Nets.forwardBackward(net, Tensor.randn(rng, 3, 4), Nets.labels(rng, 3, 2));
        LayerStats s = mon.endStep().layer("0");
        assertEquals(2, s.calls());
        assertEquals(24, s.count());
        List<Var> calls = outs.get(shared);
        double sq = Math.pow(norm(calls.get(0).grad().data()), 2) + Math.pow(norm(calls.get(1).grad().data()), 2);
        assertEquals(Math.sqrt(sq), s.actGradNorm(), 1e-6 * s.actGradNorm());
    }

    /** Own weight and a child whose output it returns unchanged. */
    static final class Wrapper extends Module {
        private final Linear inner;

        Wrapper(Rng rng) {
            registerParameter("weight", Tensor.ones(2));
            inner = registerModule("inner", new Linear(4, 4, rng));
        }

        @Override protected Var compute(Var x) { return inner.forward(x); }
    }

    @Test
    void aLayerWithChildrenAndOwnWeightsGetsItsOwnRowForItsChildsOutput() {
        Rng rng = new Rng(17);
        Sequential net = new Sequential(new Wrapper(rng), new Linear(4, 2, rng));
        Monitor mon = Monitor.attach(net);
        Nets.forwardBackward(net, Tensor.randn(rng, 8, 4), Nets.labels(rng, 8, 2));
        StepRecord rec = mon.endStep();
        assertEquals(List.of("0.inner", "0", "1"), rec.layers().stream().map(LayerStats::path).toList());
        assertEquals(rec.layer("0.inner").actGradNorm(), rec.layer("0").actGradNorm(), 0);
        assertEquals(Math.sqrt(2), rec.layer("0").weightNorm(), 1e-12);
    }

    @Test
    void tracksGradientNormsThroughTime() {
        Rng rng = new Rng(15);
        Var w = Var.param(Tensor.randn(rng, 0f, 0.3f, 8, 8));
        List<Var> hs = new ArrayList<>();
        Var h = Var.of(Tensor.zeros(2, 8));
        for (int t = 0; t < 6; t++) {
            h = h.matmul(w).add(Var.of(Tensor.randn(rng, 2, 8))).tanh();
            hs.add(h.retainGrad());
        }
        Sequential empty = new Sequential();
        Monitor mon = Monitor.attach(empty);
        mon.trackThroughTime("toy", hs);
        h.backward(Tensor.randn(rng, 2, 8));
        StepRecord rec = mon.endStep();
        double[] norms = rec.time().get(0).norms();
        assertEquals(6, norms.length);
        for (int t = 0; t < 6; t++) assertEquals(norm(hs.get(t).grad().data()), norms[t], 1e-6 * norms[t], "t=" + t);
        assertTrue(norms[0] < norms[5], "small recurrent weights: the gradient shrinks going back in time");
        Diagnosis d = Diagnoser.diagnose(rec);
        assertEquals(Verdict.VANISHING, d.time().get(0).verdict());
        assertEquals(Set.of(Verdict.VANISHING), d.verdicts(), "vanishing through time is a network verdict");
        assertTrue(d.summary().contains("through time 'toy' first/last "), d.summary());
    }

    @Test
    void statisticsAreBitIdenticalWithOneAndTwoThreads() {
        int before = Parallel.threads();
        try {
            StepRecord[] recs = new StepRecord[2];
            for (int k = 0; k < 2; k++) {
                Parallel.setThreads(k + 1);
                Rng rng = new Rng(16);
                Sequential net = new Sequential(new Linear(32, 512, rng), new ReLU(), new Linear(512, 3, rng));
                Monitor mon = Monitor.attach(net);
                Nets.forwardBackward(net, Tensor.randn(rng, 200, 32), Nets.labels(rng, 200, 3)); // 102400 outputs: several chunks
                recs[k] = mon.endStep();
            }
            assertEquals(recs[0], recs[1]);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void growthFactorOfAGeometricSequence() {
        double[] g = new double[6];
        for (int i = 0; i < 6; i++) g[i] = Math.pow(4, i); // grows 4x toward the output: shrinks 4x per layer backward
        assertEquals(0.25, Growth.backwardFactor(g), 1e-12);
        assertTrue(Double.isNaN(Growth.backwardFactor(new double[] {1})));
        assertTrue(Growth.backwardFactor(new double[] {0, 1, 1}) < 1e-100, "a zero norm counts as extreme shrinkage");
    }

    @Test
    void scansCountNonFiniteValuesExactlyAndSaturationAtTheOnePercentBounds() {
        Tensor t = Tensor.of(new float[] {0.5f, Float.NaN, 0.009f, 0.991f, Float.POSITIVE_INFINITY, 0.011f, Float.NaN, 0.989f}, 2, 4);
        TensorScan.Moments m = TensorScan.activation(t, LayerKind.SIGMOID, null);
        assertEquals(3, m.nonFinite());
        assertEquals(3, TensorScan.sumSquares(t).nonFinite());
        Tensor s = Tensor.of(new float[] {0.5f, 0.009f, 0.991f, 0.011f, 0.989f, 0f, 1f}, 7);
        assertEquals(4, TensorScan.activation(s, LayerKind.SIGMOID, null).saturated());
        Tensor th = Tensor.of(new float[] {0.5f, -0.995f, 0.995f, 0.98f, -0.98f}, 5);
        assertEquals(2, TensorScan.activation(th, LayerKind.TANH, null).saturated());
        assertEquals(0, TensorScan.sumSquares(s).nonFinite());
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }
}
