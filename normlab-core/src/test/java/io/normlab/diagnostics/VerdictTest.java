package io.normlab.diagnostics;

import static org.junit.jupiter.api.Assertions.*;

import io.normlab.nn.Linear;
import io.normlab.nn.ReLU;
import io.normlab.nn.Sequential;
import io.normlab.nn.Sigmoid;
import io.normlab.nn.Tanh;
import io.normlab.nn.norm.BatchNorm1d;
import io.normlab.tensor.Rng;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each verdict fires on a network built to trigger it, and stays quiet on a healthy one (WORKLOADS.md, D). */
class VerdictTest {
    private static final int IN = 64, CLASSES = 10, BATCH = 128;

    @Test
    void deepSigmoidMlpAtPytorchDefaultInitIsVanishing() {
        Sequential net = Nets.mlp(IN, 20, 64, CLASSES, null, Sigmoid::new, new Rng(1));
        Diagnosis d = Nets.diagnoseOnce(net, IN, BATCH, CLASSES, 101);
        assertEquals(Verdict.VANISHING, d.verdict(), d.verdicts().toString());
        assertEquals(Set.of(Verdict.VANISHING), d.verdicts());
        assertEquals(20, d.hidden().size());
        assertTrue(d.actGradRatio() < 1e-10, "first/last activation-gradient ratio " + d.actGradRatio());
        assertTrue(d.weightGradRatio() < 1e-10, "first/last weight-gradient ratio " + d.weightGradRatio());
        assertTrue(d.growthFactor() < 0.3, "backward factor per layer " + d.growthFactor());
        assertEquals(0.0, d.maxSaturated(), 0.01, "default init does not saturate: the derivative's 1/4 bound does the damage");
        assertEquals(Verdict.VANISHING, d.hidden().get(0).verdict());
        assertEquals(Verdict.HEALTHY, d.hidden().get(19).verdict());
        assertEquals("Sigmoid", d.hidden().get(0).activation());
        assertEquals("1", d.hidden().get(0).outputPath(), "h_1 is the sigmoid's output after Linear '0'");
    }

    @Test
    void theSameSigmoidMlpWithBatchNormBeforeEachSigmoidIsNotVanishing() {
        Sequential net = Nets.mlp(IN, 20, 64, CLASSES, () -> new BatchNorm1d(64), Sigmoid::new, new Rng(1));
        Diagnosis d = Nets.diagnoseOnce(net, IN, BATCH, CLASSES, 101);
        assertFalse(d.has(Verdict.VANISHING), d.verdicts() + ", ratio " + d.actGradRatio() + ", factor " + d.growthFactor());
        assertEquals(Set.of(Verdict.HEALTHY), d.verdicts());
        assertTrue(d.actGradRatio() > 0.1 && d.actGradRatio() < 10, "first/last activation-gradient ratio " + d.actGradRatio());
        assertTrue(d.growthFactor() > 0.9 && d.growthFactor() < 1.1, "backward factor per layer " + d.growthFactor());
        assertEquals("2", d.hidden().get(0).outputPath(), "h_1 is the sigmoid after Linear '0' and BatchNorm1d '1'");
    }

    @Test
    void shallowReluMlpWithHeInitIsHealthy() {
        Rng rng = new Rng(2);
        Sequential net = Nets.mlp(IN, 6, 256, CLASSES, null, ReLU::new, rng);
        Nets.normalInit(net, Math.sqrt(2), 0f, rng);
        Diagnosis d = Nets.diagnoseOnce(net, IN, BATCH, CLASSES, 102);
        assertEquals(Set.of(Verdict.HEALTHY), d.verdicts(), "ratio " + d.actGradRatio() + ", factor " + d.growthFactor());
        assertTrue(d.actGradRatio() > 0.3 && d.actGradRatio() < 3, "ratio " + d.actGradRatio());
        for (HiddenLayer h : d.hidden()) assertEquals(Verdict.HEALTHY, h.verdict(), "layer " + h.index());
    }

    @Test
    void deepLinearNetWithGain1point5IsExplodingWhileTheWeightGradientRatioLooksFlat() {
        Rng rng = new Rng(3);
        Sequential net = Nets.mlp(IN, 20, 256, CLASSES, null, null, rng);
        Nets.normalInit(net, 1.5, 0f, rng);
        Diagnosis d = Nets.diagnoseOnce(net, IN, BATCH, CLASSES, 103);
        assertEquals(Verdict.EXPLODING, d.verdict(), d.verdicts().toString());
        assertTrue(d.actGradRatio() > 1e3, "activation-gradient ratio " + d.actGradRatio());
        assertEquals(1.5, d.growthFactor(), 0.1, "each layer multiplies the backward signal by about the gain");
        assertTrue(d.weightGradRatio() > 0.1 && d.weightGradRatio() < 10,
                "the weight-gradient ratio hides the explosion (Glorot & Bengio eq. 14): " + d.weightGradRatio());
        assertEquals("", d.hidden().get(0).activation());
        assertEquals("0", d.hidden().get(0).outputPath(), "without an activation h_1 is the Linear's output");
    }

    @Test
    void reluNetWithLargeNegativeBiasIsDead() {
        Rng rng = new Rng(4);
        Sequential net = Nets.mlp(IN, 6, 64, CLASSES, null, ReLU::new, rng);
        var lins = Nets.linears(net);
        for (Linear l : lins.subList(0, lins.size() - 1)) l.bias().value().fill(-10f);
        Diagnosis d = Nets.diagnoseOnce(net, IN, BATCH, CLASSES, 104);
        assertEquals(Verdict.DEAD, d.verdict(), d.verdicts().toString());
        assertEquals(1.0, d.maxDead(), 0);
        assertEquals(Verdict.DEAD, d.hidden().get(0).verdict());
        assertEquals(0.0, d.hidden().get(0).actGradNorm(), 0, "no gradient reaches below a dead layer");
    }

    @Test
    void sigmoidNetWithHugeWeightsIsSaturated() {
        Rng rng = new Rng(5);
        Sequential net = Nets.mlp(IN, 6, 64, CLASSES, null, Sigmoid::new, rng);
        Nets.normalInit(net, 10 * Math.sqrt(64), 0f, rng); // weight std 10
        Diagnosis d = Nets.diagnoseOnce(net, IN, BATCH, CLASSES, 105);
        assertEquals(Verdict.SATURATED, d.verdict(), d.verdicts().toString());
        assertTrue(d.maxSaturated() > 0.9, "saturated share " + d.maxSaturated());
        for (HiddenLayer h : d.hidden()) assertEquals(Verdict.SATURATED, h.verdict(), "layer " + h.index());
    }

    @Test
    void lastHiddenLayerIsTheReferenceAndTanhHasNoDeadShare() {
        Sequential net = Nets.mlp(IN, 3, 32, CLASSES, null, Tanh::new, new Rng(6));
        Diagnosis d = Nets.diagnoseOnce(net, IN, 16, CLASSES, 106);
        assertEquals(3, d.hidden().size());
        assertTrue(Double.isNaN(d.maxDead()), "no ReLU: no dead share");
        assertEquals(1.0, d.hidden().get(2).actRatio(), 0, "the last hidden layer is the reference");
    }
}
