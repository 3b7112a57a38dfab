package io.normlab.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Function;
import io.normlab.autograd.Var;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.nn.Tanh;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonFiniteTest {
    /** Identity in value; when armed, puts a NaN into its output (forward) or its input gradient (backward). */
    static final class NanInjector extends Module {
        final boolean inBackward;
        boolean armed;

        NanInjector(boolean inBackward) {
            this.inBackward = inBackward;
        }

        @Override
        protected Var compute(Var x) {
            boolean forwardNan = armed && !inBackward, backwardNan = armed && inBackward;
            return new Function() {
                @Override protected Tensor forward(Tensor... in) {
                    Tensor y = in[0].copy();
                    if (forwardNan) y.data()[y.numel() / 2] = Float.NaN;
                    return y;
                }
                @Override protected Tensor[] backward(Tensor g) {
                    Tensor dx = g.copy();
                    if (backwardNan) dx.data()[1] = Float.NaN;
                    return new Tensor[] {dx};
                }
            }.apply(x);
        }
    }

    /** Linear/tanh blocks with an injector as layer {@code k}: 0 Linear, 1 Tanh, 2 Linear, 3 Tanh, ... */
    private static Sequential netWithInjector(int k, NanInjector inj, Rng rng) {
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if (i == k) layers.add(inj);
            else layers.add(i % 2 == 0 ? new Linear(6, 6, rng) : new Tanh());
        }
        return new Sequential(layers);
    }

    private static void step(Sequential net, Monitor mon, Rng rng) {
        net.zeroGrad();
        Nets.forwardBackward(net, Tensor.randn(rng, 4, 6), Nets.labels(rng, 4, 6));
        mon.endStep();
    }

    @Test
    void nanPlantedInForwardIsReportedAtItsLayerAndStep() {
        for (int k : new int[] {0, 3, 6}) {
            Rng rng = new Rng(21);
            NanInjector inj = new NanInjector(false);
            Sequential net = netWithInjector(k, inj, rng);
            Monitor mon = Monitor.attach(net);
            step(net, mon, rng);
            step(net, mon, rng);
            inj.armed = true;
            NonFiniteException e = assertThrows(NonFiniteException.class, () -> step(net, mon, rng));
            assertEquals(Integer.toString(k), e.layerPath(), e.getMessage());
            assertEquals(2, e.step());
            assertEquals(NonFiniteException.Phase.FORWARD, e.phase());
            assertTrue(e.getMessage().startsWith("non-finite activation in layer '" + k + "' (NanInjector) at step 2, forward"), e.getMessage());
        }
    }

    @Test
    void nanPlantedInBackwardIsReportedAtItsLayerAndStep() {
        for (int k : new int[] {1, 4, 7}) {
            Rng rng = new Rng(22);
            NanInjector inj = new NanInjector(true);
            Sequential net = netWithInjector(k, inj, rng);
            Monitor mon = Monitor.attach(net);
            step(net, mon, rng);
            inj.armed = true;
            NonFiniteException e = assertThrows(NonFiniteException.class, () -> step(net, mon, rng));
            assertEquals(Integer.toString(k), e.layerPath(), e.getMessage());
            assertEquals(1, e.step());
            assertEquals(NonFiniteException.Phase.BACKWARD, e.phase());
            assertTrue(e.getMessage().startsWith("non-finite gradient in layer '" + k + "' (NanInjector) at step 1, backward"), e.getMessage());
            assertTrue(e.getMessage().contains("layer '" + (k - 1) + "'"), "names the layer whose output gradient it spoiled: " + e.getMessage());
        }
    }

    @Test
    void recordPolicyKeepsGoingAndTheDiagnosisSaysNonFinite() {
        Rng rng = new Rng(23);
        NanInjector inj = new NanInjector(false);
        inj.armed = true;
        Sequential net = netWithInjector(3, inj, rng);
        Monitor mon = Monitor.attach(net, Monitor.Options.defaults().withOnNonFinite(Monitor.OnNonFinite.RECORD));
        Nets.forwardBackward(net, Tensor.randn(rng, 4, 6), Nets.labels(rng, 4, 6));
        Diagnosis d = Diagnoser.diagnose(mon.endStep());
        assertEquals("3", mon.firstNonFinite().layerPath());
        assertEquals(Verdict.NON_FINITE, d.verdict());
        Advice a = Advisor.fromDiagnosis(d).get(0);
        assertEquals(Advice.Finding.NON_FINITE, a.finding());
        assertEquals("layer '3' (NanInjector)", a.layers());
        assertEquals("3", d.nonFinite().layerPath());
    }

    @Test
    void nonFiniteModelInputIsNamedAsInput() {
        Rng rng = new Rng(24);
        Sequential net = new Sequential(new Linear(3, 3, rng), new ReLU(), new Linear(3, 2, rng));
        Monitor mon = Monitor.attach(net);
        Tensor x = Tensor.randn(rng, 4, 3);
        x.data()[5] = Float.POSITIVE_INFINITY;
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> net.forward(x));
        assertEquals("0", e.layerPath());
        assertTrue(e.getMessage().startsWith("non-finite input in layer '0' (Linear) at step 0, forward"), e.getMessage());
    }

    @Test
    void optimizerStepThatMakesWeightsNonFiniteIsAnUpdateError() {
        Rng rng = new Rng(25);
        Sequential net = new Sequential(new Linear(3, 3, rng), new ReLU(), new Linear(3, 2, rng));
        Monitor mon = Monitor.attach(net);
        Nets.forwardBackward(net, Tensor.randn(rng, 4, 3), Nets.labels(rng, 4, 2));
        Linear last = (Linear) net.layers().get(2);
        NonFiniteException e = assertThrows(NonFiniteException.class, () -> mon.update(() -> last.weight().value().data()[0] = Float.NaN));
        assertEquals("2", e.layerPath());
        assertEquals(NonFiniteException.Phase.UPDATE, e.phase());
    }
}
