package io.normlab.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.autograd.Var;
import io.normlab.diagnostics.Advice.Finding;
import io.normlab.nn.Dropout;
import io.normlab.nn.Linear;
import io.normlab.nn.Module;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.norm.BatchNorm1d;
import io.normlab.nn.norm.LayerNorm;
import io.normlab.tensor.Rng;
import io.normlab.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdvisorTest {
    /** A recurrent layer (by name) with a batch norm inside its cell. */
    static final class ToyRNN extends Module {
        ToyRNN(int hidden, Rng rng) {
            registerModule("cell", new Linear(hidden, hidden, rng));
            registerModule("norm", new BatchNorm1d(hidden));
        }

        @Override protected Var compute(Var x) { return x; }
    }

    private static final Advisor.Context BATCH_64 = Advisor.Context.none().withBatchSize(64);

    private static Set<Finding> findings(Module net, Advisor.Context ctx) {
        return Advisor.checkArchitecture(net, ctx).stream().map(Advice::finding).collect(Collectors.toSet());
    }

    /** Linear(no bias) - BN - activation blocks and a head. */
    private static Sequential bnNet(int blocks, Supplier<Module> act, Rng rng) {
        List<Module> layers = new ArrayList<>();
        for (int i = 0; i < blocks; i++) {
            layers.add(new Linear(16, 16, false, rng));
            layers.add(new BatchNorm1d(16));
            layers.add(act.get());
        }
        layers.add(new Linear(16, 4, rng));
        return new Sequential(layers);
    }

    @Test
    void cleanNetworksGetNoAdvice() {
        Rng rng = new Rng(31);
        Advisor.Context ctx = BATCH_64.withInputs(InputStats.of(Tensor.randn(rng, 500, 16)));
        assertEquals(List.of(), Advisor.checkArchitecture(bnNet(12, Sigmoid::new, rng), ctx));
        assertEquals(List.of(), Advisor.checkArchitecture(Nets.mlp(16, 12, 16, 4, null, ReLU::new, rng), ctx));
    }

    @Test
    void normalizationAfterTheActivationIsFlagged() {
        Rng rng = new Rng(32);
        Sequential net = new Sequential(new Linear(16, 16, false, rng), new ReLU(), new Dropout(0.1, rng), new BatchNorm1d(16), new Linear(16, 4, rng));
        List<Advice> advice = Advisor.checkArchitecture(net, BATCH_64);
        assertEquals(1, advice.size(), advice.toString());
        assertEquals(Finding.NORM_AFTER_ACTIVATION, advice.get(0).finding());
        assertEquals("'3'", advice.get(0).layers(), "names the norm; Dropout in between is transparent");
        assertTrue(advice.get(0).references().contains("Ioffe & Szegedy 2015"));
    }

    @Test
    void batchNormWithSmallBatchesIsFlaggedBelow8() {
        Sequential net = bnNet(2, ReLU::new, new Rng(33));
        assertEquals(Set.of(Finding.BATCH_NORM_SMALL_BATCH), findings(net, Advisor.Context.none().withBatchSize(4)));
        assertEquals(Set.of(), findings(net, Advisor.Context.none().withBatchSize(8)));
        assertEquals(Set.of(), findings(net, Advisor.Context.none()), "unknown batch size: no claim");
        assertEquals(Set.of(), findings(Nets.mlp(16, 2, 16, 4, null, ReLU::new, new Rng(33)), Advisor.Context.none().withBatchSize(2)),
                "no BatchNorm, no problem with small batches");
        Sequential ln = new Sequential(new Linear(16, 16, new Rng(33)), new LayerNorm(16), new ReLU(), new Linear(16, 4, new Rng(33)));
        assertEquals(Set.of(), findings(ln, Advisor.Context.none().withBatchSize(2)), "LayerNorm does not depend on the batch");
    }

    @Test
    void batchNormInsideARecurrenceIsFlagged() {
        Rng rng = new Rng(34);
        Sequential net = new Sequential(new ToyRNN(16, rng), new Linear(16, 4, rng));
        List<Advice> advice = Advisor.checkArchitecture(net, BATCH_64);
        assertEquals(List.of(Finding.BATCH_NORM_IN_RECURRENCE), advice.stream().map(Advice::finding).toList());
        assertEquals("'0.norm'", advice.get(0).layers());
        assertTrue(advice.get(0).fix().contains("LayerNorm"));
    }

    @Test
    void biasRightBeforeBatchNormIsFlagged() {
        Rng rng = new Rng(35);
        Sequential net = new Sequential(new Linear(16, 16, false, rng), new BatchNorm1d(16), new ReLU(),
                new Linear(16, 16, true, rng), new BatchNorm1d(16), new ReLU(), new Linear(16, 4, rng));
        List<Advice> advice = Advisor.checkArchitecture(net, BATCH_64);
        assertEquals(List.of(Finding.BIAS_BEFORE_BATCH_NORM), advice.stream().map(Advice::finding).toList());
        assertEquals("'3'", advice.get(0).layers());
    }

    @Test
    void deepSaturatingNetworkWithoutNormalizationIsFlaggedFrom10WeightLayers() {
        Rng rng = new Rng(36);
        assertEquals(Set.of(Finding.DEEP_SATURATING_NO_NORM), findings(Nets.mlp(16, 9, 16, 4, null, Sigmoid::new, rng), BATCH_64));
        assertEquals(Set.of(), findings(Nets.mlp(16, 8, 16, 4, null, Sigmoid::new, rng), BATCH_64), "9 weight layers are not deep");
        assertEquals(Set.of(), findings(Nets.mlp(16, 9, 16, 4, null, ReLU::new, rng), BATCH_64), "ReLU does not saturate");
        assertEquals(Set.of(), findings(bnNet(9, Sigmoid::new, rng), BATCH_64), "normalized");
    }

    @Test
    void unstandardizedInputsAreFlagged() {
        Rng rng = new Rng(37);
        Sequential net = Nets.mlp(3, 1, 8, 2, null, ReLU::new, rng);
        Tensor x = Tensor.randn(rng, 400, 3);
        for (int i = 0; i < 400; i++) x.set(x.get(i, 1) * 1000f, i, 1);
        assertEquals(Set.of(Finding.INPUT_SCALES_DIFFER), findings(net, BATCH_64.withInputs(InputStats.of(x))));
        Tensor y = Tensor.randn(rng, 400, 3);
        for (int i = 0; i < 400; i++) y.set(y.get(i, 2) + 50f, i, 2);
        List<Advice> advice = Advisor.checkArchitecture(net, BATCH_64.withInputs(InputStats.of(y)));
        assertEquals(List.of(Finding.INPUT_NOT_CENTERED), advice.stream().map(Advice::finding).toList());
        assertTrue(advice.get(0).evidence().startsWith("feature 2 has mean 50"), advice.get(0).evidence());
        Tensor mild = Tensor.randn(rng, 400, 3);
        for (int i = 0; i < 400; i++) mild.set(mild.get(i, 0) * 50f + 5f, i, 0); // 50x scale, mean 0.1 std: within limits
        assertEquals(Set.of(), findings(net, BATCH_64.withInputs(InputStats.of(mild))));
    }

    @Test
    void rawDigitsPassTheInputChecks() {
        // border pixels are nearly always blank (std 0.02 against 6.5 in the centre) but share the 0..16 scale
        Sequential net = Nets.mlp(64, 1, 8, 10, null, ReLU::new, new Rng(38));
        InputStats digits = InputStats.of(io.normlab.data.BundledData.digits().features());
        assertEquals(Set.of(), findings(net, BATCH_64.withInputs(digits)));
    }

    @Test
    void dynamicAdviceExplainsEachVerdictWithEvidenceAndReference() {
        Sequential sig = Nets.mlp(64, 20, 64, 10, null, Sigmoid::new, new Rng(1));
        List<Advice> vanishing = Advisor.fromDiagnosis(Nets.diagnoseOnce(sig, 64, 128, 10, 101));
        assertEquals(List.of(Finding.VANISHING_GRADIENT), vanishing.stream().map(Advice::finding).toList());
        Advice v = vanishing.get(0);
        assertTrue(v.layers().startsWith("layers 1-"), v.layers());
        assertTrue(v.evidence().contains("gradient shrinks") && v.evidence().contains("||dL/dh_1|| / ||dL/dh_L|| = "), v.evidence());
        assertTrue(v.fix().contains("put BatchNorm before the activation (Ioffe & Szegedy 2015)"), v.fix());
        assertTrue(v.fix().contains("ReLU with He init (He et al. 2015)"), v.fix());

        Rng rng = new Rng(3);
        Sequential lin = Nets.mlp(64, 20, 256, 10, null, null, rng);
        Nets.normalInit(lin, 1.5, 0f, rng);
        List<Advice> exploding = Advisor.fromDiagnosis(Nets.diagnoseOnce(lin, 64, 128, 10, 103));
        assertEquals(List.of(Finding.EXPLODING_GRADIENT), exploding.stream().map(Advice::finding).toList());
        assertTrue(exploding.get(0).evidence().contains("weight-gradient ratio alone would hide this"), exploding.get(0).evidence());

        rng = new Rng(4);
        Sequential dead = Nets.mlp(64, 6, 64, 10, null, ReLU::new, rng);
        Nets.normalInit(dead, Math.sqrt(2), -10f, rng);
        List<Advice> deadAdvice = Advisor.fromDiagnosis(Nets.diagnoseOnce(dead, 64, 128, 10, 104));
        assertEquals(List.of(Finding.DEAD_UNITS), deadAdvice.stream().map(Advice::finding).toList(), "dead units explain the vanishing");
        assertTrue(deadAdvice.get(0).evidence().contains("100%"), deadAdvice.get(0).evidence());

        rng = new Rng(2);
        Sequential healthy = Nets.mlp(64, 6, 256, 10, null, ReLU::new, rng);
        Nets.normalInit(healthy, Math.sqrt(2), 0f, rng);
        Diagnosis d = Nets.diagnoseOnce(healthy, 64, 128, 10, 102);
        assertEquals(List.of(), Advisor.advise(healthy, BATCH_64, d), "a healthy network gets no advice");
    }
}
